package dev.zengate.gateway.managed;

import dev.zengate.bundle.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** File names for bundle resources: the resource name when it is a safe name, else its hash. */
final class FileNames {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  private FileNames() {}

  static String of(String resourceName) {
    return SAFE.matcher(resourceName).matches()
        ? resourceName
        : "h-"
            + PublicKeys.sha256Hex(resourceName.getBytes(StandardCharsets.UTF_8)).substring(0, 24);
  }
}
