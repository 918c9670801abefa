package io.github.s3fifo.jcache.hibernate;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;
import org.hibernate.annotations.Cache;
import org.hibernate.annotations.CacheConcurrencyStrategy;
import org.hibernate.annotations.NaturalId;
import org.hibernate.annotations.NaturalIdCache;

/**
 * A READ_WRITE entity region with a cached collection ({@code Book.authors}) and a cached natural
 * id ({@code Book##NaturalId}).
 */
@Entity
@Table(name = "books")
@Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
@NaturalIdCache
public class Book {

  @Id
  private Long id;

  @NaturalId
  @Column(nullable = false)
  private String isbn;

  private String title;

  @ElementCollection
  @CollectionTable(name = "book_authors")
  @Column(name = "author")
  @Cache(usage = CacheConcurrencyStrategy.READ_WRITE)
  private Set<String> authors = new HashSet<>();

  protected Book() {}

  public Book(long id, String isbn, String title, Set<String> authors) {
    this.id = id;
    this.isbn = isbn;
    this.title = title;
    this.authors.addAll(authors);
  }

  public Long getId() {
    return id;
  }

  public String getIsbn() {
    return isbn;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public Set<String> getAuthors() {
    return authors;
  }
}
