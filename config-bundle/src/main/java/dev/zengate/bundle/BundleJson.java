package dev.zengate.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Canonical JSON: properties and map keys sorted, no whitespace, UTF-8. The same content always
 * gives the same bytes, so content hashes compare across nodes and publications. Signatures cover
 * the exact bytes that were published, so verifying never depends on re-serialising.
 */
public final class BundleJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private BundleJson() {}

  public static byte[] canonical(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  public static String canonicalText(Object value) {
    return new String(canonical(value), StandardCharsets.UTF_8);
  }

  /**
   * Reads {@code json} as {@code type}.
   *
   * @throws BundleRejectedException when the bytes are not JSON of that shape
   */
  public static <T> T read(byte[] json, Class<T> type) throws BundleRejectedException {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new BundleRejectedException("malformed", "empty " + type.getSimpleName());
      }
      return value;
    } catch (IOException | RuntimeException e) {
      throw new BundleRejectedException(
          "malformed", "not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
    }
  }

  public static <T> T read(String json, Class<T> type) throws BundleRejectedException {
    if (json == null) {
      throw new BundleRejectedException("malformed", "empty " + type.getSimpleName());
    }
    return read(json.getBytes(StandardCharsets.UTF_8), type);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
