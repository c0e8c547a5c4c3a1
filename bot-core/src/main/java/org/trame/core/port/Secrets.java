package org.trame.core.port;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Platform credentials, read only from the environment ({@code NAME}) or from a file named by
 * {@code NAME_FILE} that its owner alone may read (a mounted secret). Error messages name the
 * variable and the file, never the value.
 */
public final class Secrets {

  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private Secrets() {}

  /** The secret, trimmed, or null when neither {@code name} nor {@code name_FILE} is set. */
  public static String read(Map<String, String> env, String name) {
    String direct = blankToNull(env.get(name));
    String file = blankToNull(env.get(name + "_FILE"));
    if (direct != null && file != null) {
      throw new IllegalArgumentException("set either " + name + " or " + name + "_FILE, not both");
    }
    if (file == null) {
      return direct;
    }
    Path path = Path.of(file);
    try {
      if (!Files.isRegularFile(path)) {
        throw new IllegalArgumentException(name + "_FILE names " + path + ", which is not a readable file");
      }
      if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        perms.retainAll(OTHERS);
        if (!perms.isEmpty()) {
          throw new IllegalArgumentException(name + "_FILE " + path + " can be read or changed by others than its owner ("
              + perms.size() + " group/other permission(s)); make it readable by its owner only: chmod 600 " + path);
        }
      }
      String value = blankToNull(Files.readString(path, StandardCharsets.UTF_8));
      if (value == null) {
        throw new IllegalArgumentException(name + "_FILE " + path + " is empty");
      }
      return value;
    } catch (IOException e) {
      // The exception's own message is only the path and the reason, never the file's content.
      throw new IllegalArgumentException(name + "_FILE " + path + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
