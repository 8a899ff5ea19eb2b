package dev.zengate.management.interfaces.rest;

import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** Builds request bodies. */
final class JsonBody {

  private JsonBody() {}

  static String of(Map<String, ?> fields) {
    JsonObjectBuilder object = jakarta.json.Json.createObjectBuilder();
    fields.forEach(
        (name, value) -> {
          if (value == null) {
            object.addNull(name);
          } else if (value instanceof Number n) {
            object.add(name, n.longValue());
          } else if (value instanceof Boolean b) {
            object.add(name, b);
          } else if (value instanceof Iterable<?> list) {
            var array = jakarta.json.Json.createArrayBuilder();
            list.forEach(item -> array.add(String.valueOf(item)));
            object.add(name, array);
          } else {
            object.add(name, value.toString());
          }
        });
    return object.build().toString();
  }
}
