package dev.zengate.management.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Map;

/** Builds request bodies from maps, lists, strings, numbers and booleans. */
final class JsonBody {

  private JsonBody() {}

  static String of(Map<String, ?> fields) {
    return object(fields).build().toString();
  }

  private static JsonObjectBuilder object(Map<?, ?> fields) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    fields.forEach((name, value) -> object.add(String.valueOf(name), value(value)));
    return object;
  }

  private static JsonValue value(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof Number n) {
      return Json.createValue(n.longValue());
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Map<?, ?> map) {
      return object(map).build();
    }
    if (value instanceof Iterable<?> list) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      list.forEach(item -> array.add(value(item)));
      return array.build();
    }
    return Json.createValue(value.toString());
  }
}
