package io.github.s3fifo.bench.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** A cached entity with a cached collection: what the Hibernate benchmark reads. */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Post {

  @Id
  private Long id;

  private String title;

  private String body;

  @OneToMany(mappedBy = "post")
  @OrderBy("id")
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  private List<Comment> comments = new ArrayList<>();

  protected Post() {}

  public Post(Long id, String title, String body) {
    this.id = id;
    this.title = title;
    this.body = body;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public List<Comment> getComments() {
    return comments;
  }
}
