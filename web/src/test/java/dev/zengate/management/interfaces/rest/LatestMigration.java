package dev.zengate.management.interfaces.rest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The highest version among the migrations in {@code sql/migrations}. */
final class LatestMigration {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  private LatestMigration() {}

  static String version() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("../sql/migrations"))) {
      return files
          .map(f -> VERSIONED.matcher(f.getFileName().toString()))
          .filter(Matcher::matches)
          .map(m -> Integer.parseInt(m.group(1)))
          .max(Comparator.naturalOrder())
          .map(String::valueOf)
          .orElseThrow();
    }
  }
}
