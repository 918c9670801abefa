package io.github.s3fifo.bench.hibernate;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;

/** An element of {@link Post#getComments()}, itself a cached entity. */
@Entity
@Cacheable
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
public class Comment {

  @Id
  private Long id;

  private String author;

  private String text;

  @ManyToOne(fetch = FetchType.LAZY)
  private Post post;

  protected Comment() {}

  public Comment(Long id, String author, String text, Post post) {
    this.id = id;
    this.author = author;
    this.text = text;
    this.post = post;
  }

  public Long getId() {
    return id;
  }

  public String getAuthor() {
    return author;
  }

  public String getText() {
    return text;
  }

  public Post getPost() {
    return post;
  }
}
