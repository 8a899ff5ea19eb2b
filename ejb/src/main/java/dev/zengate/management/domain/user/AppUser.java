package dev.zengate.management.domain.user;

import dev.zengate.management.domain.shared.InvalidInputException;
import dev.zengate.management.domain.shared.VersionedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A person or script allowed into the management server, with exactly one role. */
@Entity
@Table(name = "app_user")
@NamedQuery(name = "AppUser.byName", query = "SELECT u FROM AppUser u WHERE u.username = :name")
@NamedQuery(name = "AppUser.all", query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(name = "AppUser.count", query = "SELECT COUNT(u) FROM AppUser u")
public class AppUser implements VersionedEntity {

  /** The longest user name there can be (the column's width). */
  public static final int MAX_USERNAME_LENGTH = 64;

  private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,63}");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Role role;

  @Column(nullable = false)
  private boolean enabled = true;

  @Version private long version;

  protected AppUser() {}

  public AppUser(String username, String passwordHash, Role role) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw InvalidInputException.at("username", "user.nameInvalid");
    }
    if (role == null) {
      throw InvalidInputException.at("role", "user.needsRole");
    }
    this.username = username;
    this.passwordHash = passwordHash;
    this.role = role;
  }

  public void changeRole(Role newRole) {
    this.role = newRole;
  }

  public void changePasswordHash(String newHash) {
    this.passwordHash = newHash;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** What the audit trail records of a user: never the password hash. */
  public Map<String, Object> auditView() {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("username", username);
    view.put("role", role.roleName());
    view.put("enabled", enabled);
    return view;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean enabled() {
    return enabled;
  }

  @Override
  public long version() {
    return version;
  }
}
