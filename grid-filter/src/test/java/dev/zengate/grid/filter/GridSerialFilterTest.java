package dev.zengate.grid.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.zengateprobe.GridCaller;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.BadAttributeValueExpException;
import org.junit.jupiter.api.Test;

class GridSerialFilterTest {

  @Test
  void streamsHazelcastOpensGetTheAllowListOthersKeepTheirs() {
    assertSame(GridSerialFilter.GRID, GridCaller.filterForNewStream());
    assertNull(new GridSerialFilter().apply(null, null), "a stream Payara opens is left alone");
  }

  @Test
  void theOpenerIsTheFirstClassAboveJavaIo() {
    assertEquals(
        "com.hazelcast.internal.nio.IOUtil$ClassLoaderAwareObjectInputStream",
        GridSerialFilter.opener(
                Stream.of(
                    GridSerialFilter.class.getName(),
                    "java.io.ObjectInputFilter$Config",
                    "java.io.ObjectInputStream",
                    "com.hazelcast.internal.nio.IOUtil$ClassLoaderAwareObjectInputStream",
                    "fish.payara.nucleus.hazelcast.PayaraHazelcastSerializer"))
            .orElseThrow());
    assertEquals(
        "com.sun.enterprise.naming.util.NamingUtilsImpl",
        GridSerialFilter.opener(
                Stream.of(
                    "java.io.ObjectInputStream", "com.sun.enterprise.naming.util.NamingUtilsImpl"))
            .orElseThrow());
  }

  @Test
  void whatPayaraAndZengatePutInTheGridPasses() throws Exception {
    HashMap<String, Object> map = new HashMap<>();
    map.put("version", 42L);
    map.put("members", new ArrayList<>(List.of("a", "b")));
    map.put("at", Instant.now());
    map.put("bytes", new byte[] {1, 2, 3});
    assertEquals(map.keySet(), ((Map<?, ?>) roundTrip(map)).keySet());
  }

  @Test
  void everythingElseIsRefused() {
    for (Serializable outside :
        List.<Serializable>of(
            new File("/probe"), new BadAttributeValueExpException("probe"), new Outside())) {
      InvalidClassException refused =
          assertThrows(InvalidClassException.class, () -> roundTrip(outside));
      assertTrue(refused.getMessage().contains("REJECTED"), refused.getMessage());
    }
    // Also when wrapped in an allowed collection.
    assertThrows(
        InvalidClassException.class, () -> roundTrip(new ArrayList<>(List.of(new Outside()))));
  }

  private static final class Outside implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private static Object roundTrip(Serializable value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      in.setObjectInputFilter(GridSerialFilter.GRID);
      return in.readObject();
    }
  }
}
