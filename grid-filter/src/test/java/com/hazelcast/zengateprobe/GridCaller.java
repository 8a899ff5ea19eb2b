package com.hazelcast.zengateprobe;

import dev.zengate.grid.filter.GridSerialFilter;
import java.io.ObjectInputFilter;

/** Stands for Hazelcast's code: a class in Hazelcast's package that asks for a stream's filter. */
public final class GridCaller {

  private GridCaller() {}

  public static ObjectInputFilter filterForNewStream() {
    return new GridSerialFilter().apply(null, null);
  }
}
