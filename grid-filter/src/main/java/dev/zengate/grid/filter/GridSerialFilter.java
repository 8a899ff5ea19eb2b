package dev.zengate.grid.filter;

import java.io.ObjectInputFilter;
import java.util.Optional;
import java.util.function.BinaryOperator;

/**
 * The deserialisation allow-list of the management members' data grid, as the JVM's {@code
 * jdk.serialFilterFactory}: every Java-serialised object that Hazelcast reads (what another member
 * or any grid client sends) is checked against {@link #ALLOWED}; streams that Payara opens for its
 * own purposes (JNDI copies, deployment) are left as the JDK leaves them.
 *
 * <p>Why a filter factory and not Hazelcast's {@code <java-serialization-filter>}: Payara installs
 * a global serializer of its own (type id 1) that reads with a Hazelcast {@code JavaSerializer}
 * built without any filter, so Hazelcast's setting never reaches what most grid traffic uses, and a
 * client simply sends its objects with type id 1; and a Hazelcast configuration file makes Payara
 * ignore its own network options (cluster name, interfaces, port). Why not the JVM-wide {@code
 * jdk.serialFilter}: Payara deserialises its own objects in-process (JNDI binds are copied through
 * serialisation) and refuses to start under a grid allow-list.
 *
 * <p>A stream belongs to the grid when Hazelcast opens it: the first frame above {@code java.io} is
 * Hazelcast's. Payara's type-1 serializer reads through the same Hazelcast stream.
 */
public final class GridSerialFilter implements BinaryOperator<ObjectInputFilter> {

  /**
   * What the grid may carry. Zengate itself puts only strings and numbers there (Hazelcast's own
   * encodings, never Java serialisation), so none of its classes is listed; the rest is Payara's
   * and Hazelcast's bookkeeping. Everything else is refused ({@code !*}): that keeps gadget chains
   * (commons-collections, TemplatesImpl, URLDNS, BadAttributeValueExpException, ...) out. First
   * match wins; {@code pkg.*} is one package, {@code pkg.**} also its subpackages; arrays are
   * checked by their element type, arrays of primitives pass. A refused class shows as {@code
   * filter status: REJECTED} in the member's log.
   */
  public static final String ALLOWED =
      String.join(
          ";",
          "java.lang.*",
          "java.lang.invoke.SerializedLambda",
          "java.util.*",
          "java.util.concurrent.*",
          "java.util.concurrent.atomic.*",
          "java.time.*",
          "java.math.*",
          "java.net.InetAddress",
          "java.net.Inet4Address",
          "java.net.Inet6Address",
          "java.net.InetSocketAddress",
          "java.net.URI",
          "com.hazelcast.**",
          "fish.payara.**",
          "!*");

  static final ObjectInputFilter GRID = ObjectInputFilter.Config.createFilter(ALLOWED);

  private static final StackWalker STACK = StackWalker.getInstance();

  /** Public, with no arguments: the JDK instantiates it by name. */
  public GridSerialFilter() {}

  @Override
  public ObjectInputFilter apply(ObjectInputFilter current, ObjectInputFilter requested) {
    if (current != null) {
      // The stream's code sets a filter of its own: keep ours as well.
      return requested == null ? current : ObjectInputFilter.merge(requested, current);
    }
    if (!openedByTheGrid()) {
      return requested; // what the JDK does without a factory
    }
    return requested == null ? GRID : ObjectInputFilter.merge(requested, GRID);
  }

  /** Whether the stream being constructed is Hazelcast's. */
  static boolean openedByTheGrid() {
    return STACK.walk(
        frames ->
            opener(frames.map(StackWalker.StackFrame::getClassName))
                .map(name -> name.startsWith("com.hazelcast."))
                .orElse(false));
  }

  /** The first class above this factory and {@code java.io}: who constructs the stream. */
  static Optional<String> opener(java.util.stream.Stream<String> classNames) {
    return classNames
        .filter(name -> !name.equals(GridSerialFilter.class.getName()))
        .filter(name -> !name.startsWith("java.io.") && !name.startsWith("jdk.internal."))
        .findFirst();
  }
}
