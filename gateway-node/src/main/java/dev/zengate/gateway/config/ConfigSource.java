package dev.zengate.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * One configuration file as read from disk: its text, its hash (the version shown in status) and
 * the positions of its values, so every problem can be reported as {@code file:line:col: path:
 * problem}.
 */
public final class ConfigSource {

  private static final ObjectMapper MAPPER = newMapper();

  private final Path file;
  private final String displayName;
  private final String text;
  private final String sha256;
  private YamlLocations locations;

  private ConfigSource(Path file, String displayName, String text) {
    this.file = file;
    this.displayName = displayName;
    this.text = text;
    this.sha256 = hash(text);
  }

  /** Reads the file; a missing or unreadable file is an {@link InvalidConfigException}. */
  public static ConfigSource read(Path file) throws InvalidConfigException {
    String shown = file.toString();
    try {
      return new ConfigSource(file, shown, Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new InvalidConfigException(shown + ": file not found", e);
    } catch (IOException | RuntimeException e) {
      throw new InvalidConfigException(shown + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** A configuration built in memory (quick mode); paths in it must already be absolute. */
  public static ConfigSource inMemory(String displayName, String yaml) {
    return new ConfigSource(null, displayName, yaml);
  }

  public String displayName() {
    return displayName;
  }

  /** The hex SHA-256 of the file's bytes: the configuration version reported in status. */
  public String sha256() {
    return sha256;
  }

  public Path file() {
    return file;
  }

  /** Parses and structurally validates the file, resolving relative paths against its directory. */
  public GatewayConfig parse() throws InvalidConfigException {
    GatewayConfig config;
    try {
      config = MAPPER.readValue(text, GatewayConfig.class);
    } catch (JsonProcessingException e) {
      throw describe(e);
    }
    if (config == null) {
      throw new InvalidConfigException(displayName + ": the file is empty", null);
    }
    try {
      ConfigValidator.validate(config);
    } catch (ConfigProblem problem) {
      throw fail(problem);
    }
    Path base = file == null ? null : file.toAbsolutePath().getParent();
    return config.resolveAgainst(base);
  }

  /** Turns a problem found in this file's content into its one-line report. */
  public InvalidConfigException fail(ConfigProblem problem) {
    if (locations == null) {
      locations = YamlLocations.index(text);
    }
    String where = locations.find(problem.fieldPath()).map(this::position).orElse("");
    String path =
        problem.fieldPath() == null || problem.fieldPath().isEmpty()
            ? ""
            : problem.fieldPath() + ": ";
    return new InvalidConfigException(
        displayName + where + ": " + path + problem.getMessage(), problem);
  }

  private String position(JsonLocation location) {
    return location.getLineNr() > 0
        ? ":" + location.getLineNr() + ":" + location.getColumnNr()
        : "";
  }

  private InvalidConfigException describe(JsonProcessingException e) {
    String where = e.getLocation() == null ? "" : position(e.getLocation());
    String path = "";
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String fieldPath = fieldPath(mapping);
      path = fieldPath + ": ";
      // Jackson reports where it stopped reading; the index knows where the field starts.
      if (locations == null) {
        locations = YamlLocations.index(text);
      }
      where = locations.find(fieldPath).map(this::position).orElse(where);
    }
    return new InvalidConfigException(displayName + where + ": " + path + explain(e), e);
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder out = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (out.length() > 0) {
          out.append('.');
        }
        out.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  private static String explain(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known =
          unknown.getKnownPropertyIds() == null
              ? ""
              : unknown.getKnownPropertyIds().stream()
                  .map(String::valueOf)
                  .sorted()
                  .collect(Collectors.joining(", ", " (known: ", ")"));
      return "unknown field '" + unknown.getPropertyName() + "'" + known;
    }
    if (e instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
      String allowed =
          java.util.Arrays.stream(format.getTargetType().getEnumConstants())
              .map(c -> enumSpelling((Enum<?>) c))
              .collect(Collectors.joining(", "));
      return "invalid value '" + format.getValue() + "' (expected one of: " + allowed + ")";
    }
    if (e instanceof ValueInstantiationException instantiation
        && instantiation.getCause() != null) {
      return rootMessage(instantiation.getCause());
    }
    if (e instanceof JsonMappingException mapping
        && mapping.getCause() instanceof IllegalArgumentException cause) {
      return cause.getMessage();
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String enumSpelling(Enum<?> constant) {
    try {
      com.fasterxml.jackson.annotation.JsonProperty property =
          constant
              .getDeclaringClass()
              .getField(constant.name())
              .getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
      return property == null ? constant.name() : property.value();
    } catch (NoSuchFieldException e) {
      return constant.name();
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return firstLine(cause.getMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid value";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static ObjectMapper newMapper() {
    YAMLFactory factory =
        YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    SimpleModule durations = new SimpleModule("zengate-durations");
    durations.addDeserializer(Duration.class, new DurationParser());
    return YAMLMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .addModule(durations)
        .build();
  }

  /** Hex SHA-256 of a text; used as configuration version. */
  public static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
