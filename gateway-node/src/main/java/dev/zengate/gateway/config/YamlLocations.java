package dev.zengate.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Line and column of every value in a YAML document, keyed by field path ({@code
 * listeners[1].bind}), so that problems found after parsing can still point into the file.
 */
final class YamlLocations {

  private final Map<String, JsonLocation> byPath;

  private YamlLocations(Map<String, JsonLocation> byPath) {
    this.byPath = byPath;
  }

  static YamlLocations index(String yaml) {
    Map<String, JsonLocation> locations = new HashMap<>();
    try (JsonParser parser = new YAMLFactory().createParser(yaml)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        // A field's key comes before its value, so paths of fields point at their keys.
        if (token.isStructEnd()) {
          continue;
        }
        String path = toFieldPath(parser.getParsingContext().pathAsPointer().toString());
        locations.putIfAbsent(path, parser.currentTokenLocation());
      }
    } catch (IOException | RuntimeException e) {
      // Only called on documents that already parsed; a partial index is still useful.
    }
    return new YamlLocations(locations);
  }

  /** The location of the value at {@code fieldPath}, or of its nearest located ancestor. */
  Optional<JsonLocation> find(String fieldPath) {
    String path = fieldPath == null ? "" : fieldPath;
    while (true) {
      JsonLocation location = byPath.get(path);
      if (location != null) {
        return Optional.of(location);
      }
      if (path.isEmpty()) {
        return Optional.empty();
      }
      path = parent(path);
    }
  }

  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  /** {@code /listeners/1/bind} becomes {@code listeners[1].bind}. */
  static String toFieldPath(String pointer) {
    StringBuilder out = new StringBuilder();
    for (String segment : pointer.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      String name = segment.replace("~1", "/").replace("~0", "~");
      if (name.chars().allMatch(Character::isDigit)) {
        out.append('[').append(name).append(']');
      } else {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }
}
