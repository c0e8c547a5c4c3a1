package org.trame.core.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.trame.core.storage.StorageException;

/**
 * Keyed pseudonyms of check-in authors: HMAC-SHA256 of (platform, collective, member, round)
 * under a key that never enters the database. With the key, the bot finds a member's answers for
 * their export and their erasure; with the database alone, no one can tell whose an answer is,
 * nor match one member's answers across rounds.
 *
 * <p>The key comes from the secret {@code TRAME_PSEUDONYM_KEY} (or {@code _FILE}); without it, on
 * SQLite, from a file beside the database, created once with 32 random bytes (hex), owner-only.
 * On PostgreSQL several processes must share one key, so without the secret the bot refuses to
 * start: a key made up by each process would silently lose answers.
 */
public final class Pseudonyms {

  /** The secret's name (environment variable, or {@code TRAME_PSEUDONYM_KEY_FILE} for a file). */
  public static final String SECRET = "TRAME_PSEUDONYM_KEY";
  /** Fewer characters than this is too weak a key to keep a database copy from being re-linked. */
  static final int SHORTEST_KEY = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final int GENERATED_BYTES = 32;
  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);

  private final SecretKeySpec key;

  private Pseudonyms(String keyText) {
    this.key = new SecretKeySpec(keyText.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  /** Pseudonyms under a key given as text (the secret, or a key file's content). */
  public static Pseudonyms of(String keyText) {
    if (keyText == null || keyText.strip().length() < SHORTEST_KEY) {
      throw new IllegalArgumentException(SECRET + " must be at least " + SHORTEST_KEY
          + " characters long (for instance the output of: openssl rand -hex 32)");
    }
    return new Pseudonyms(keyText.strip());
  }

  /**
   * The key for this database: {@code given} (from the secret) when set, else (SQLite) the key file
   * beside {@code sqliteFile}, created on first use; on PostgreSQL ({@code sqliteFile} null) the secret is required.
   */
  public static Pseudonyms resolve(Pseudonyms given, Path sqliteFile) {
    return resolve(given, sqliteFile, false);
  }

  /**
   * As {@link #resolve(Pseudonyms, Path)}; {@code tagsStored} says whether the database already holds
   * answers tagged under a key. Then a missing key file is never replaced by a new key: the answers
   * could no longer be exported nor erased (an export would show none, and an erasure would say done
   * while the remarks stayed). The bot stops instead, with one line saying what to restore.
   */
  public static Pseudonyms resolve(Pseudonyms given, Path sqliteFile, boolean tagsStored) {
    if (given != null) {
      return given;
    }
    if (sqliteFile != null && tagsStored && !Files.exists(keyFile(sqliteFile))) {
      Path file = keyFile(sqliteFile);
      throw new StorageException("the pseudonym key file " + file + " is missing, but the database " + sqliteFile.toAbsolutePath()
          + " holds check-in answers tagged under it: restore that file from a backup (or set " + SECRET + "_FILE to where"
          + " the key is kept); the bot makes no new key, which would leave those answers impossible to export or erase", null);
    }
    if (sqliteFile == null) {
      throw new StorageException("on PostgreSQL every process must use the same pseudonym key: set " + SECRET + "_FILE"
          + " (a file readable by its owner only, at least " + SHORTEST_KEY + " characters, e.g. from openssl rand -hex 32)"
          + " or " + SECRET + ", the same for every process", null);
    }
    return fromFile(keyFile(sqliteFile));
  }

  /** Where an SQLite database keeps its key: {@code <database file>.key}. */
  public static Path keyFile(Path sqliteFile) {
    Path absolute = sqliteFile.toAbsolutePath();
    return absolute.resolveSibling(absolute.getFileName() + ".key");
  }

  private static Pseudonyms fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      refuseShared(file);
      String text = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (text.length() < SHORTEST_KEY) {
        // Never replaced silently: a new key would leave every tagged answer unfindable.
        throw new StorageException("the pseudonym key file " + file + " is empty or damaged; restore it from a backup"
            + " (without it, check-in answers already given cannot be exported or erased)", null);
      }
      return new Pseudonyms(text);
    } catch (IOException e) {
      throw new StorageException("the pseudonym key file " + file + " cannot be read or created: " + e.getClass().getSimpleName(),
          e);
    }
  }

  /** Writes a new key to a temporary file with owner-only permissions, then moves it in place unless another process was first. */
  private static void create(Path file) throws IOException {
    byte[] bytes = new byte[GENERATED_BYTES];
    new SecureRandom().nextBytes(bytes);
    Path dir = file.getParent();
    Files.createDirectories(dir);
    boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
    Path tmp = posix ? Files.createTempFile(dir, file.getFileName().toString(), ".tmp",
        PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try {
      Files.writeString(tmp, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
      if (!posix) {
        ownerOnlyElsewhere(tmp);
      }
      Files.move(tmp, file);
    } catch (FileAlreadyExistsException raced) {
      // Another process on the same file created it first: use theirs.
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Outside POSIX, the best the JDK offers: readable and writable by the owner alone. */
  private static void ownerOnlyElsewhere(Path file) {
    java.io.File f = file.toFile();
    f.setReadable(false, false);
    f.setWritable(false, false);
    f.setReadable(true, true);
    f.setWritable(true, true);
  }

  private static void refuseShared(Path file) throws IOException {
    if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
      return;
    }
    Set<PosixFilePermission> others = Files.getPosixFilePermissions(file);
    others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_EXECUTE));
    if (!others.isEmpty()) {
      throw new StorageException("the pseudonym key file " + file + " can be read or changed by others than its owner ("
          + others.size() + " group/other permission(s)); make it readable by its owner only: chmod 600 " + file, null);
    }
  }

  /** The author's tag for one round: lowercase hex, the same for the same four values, unguessable without the key. */
  public String tag(String platform, String collectiveId, String memberId, long roundId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      // Each value prefixed by its length, so that no two different quadruples give the same input.
      for (String part : new String[] {platform, collectiveId, memberId}) {
        byte[] b = part.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        mac.update(b);
      }
      mac.update(ByteBuffer.allocate(Long.BYTES).putLong(roundId).array());
      return HexFormat.of().formatHex(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }

  /**
   * Seals {@code text} (AES-256-GCM, under a key derived from this one, bound to {@code context}):
   * what the database may hold of a text its author has not yet allowed to be kept. Without the
   * key, which is never in the database, the sealed text cannot be read.
   */
  public String seal(String text, String context) {
    try {
      byte[] iv = new byte[12];
      new SecureRandom().nextBytes(iv);
      javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, sealingKey(), new javax.crypto.spec.GCMParameterSpec(128, iv));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return java.util.Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /** The text {@link #seal} sealed under the same key and context, or null when it cannot be opened. */
  public String unseal(String sealed, String context) {
    try {
      byte[] all = java.util.Base64.getDecoder().decode(sealed);
      javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(javax.crypto.Cipher.DECRYPT_MODE, sealingKey(), new javax.crypto.spec.GCMParameterSpec(128, all, 0, 12));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return null; // another key (replaced), or not a sealed text
    }
  }

  /** A key for sealing, derived from the pseudonym key so that no tag and no sealed text share one. */
  private javax.crypto.SecretKey sealingKey() throws GeneralSecurityException {
    Mac mac = Mac.getInstance(ALGORITHM);
    mac.init(key);
    return new SecretKeySpec(mac.doFinal("trame sealing key v1".getBytes(StandardCharsets.UTF_8)), "AES");
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "Pseudonyms[HMAC-SHA256, key not shown]";
  }
}
