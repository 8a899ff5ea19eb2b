package dev.zengate.gateway.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ways an operator asks for a reload besides the admin endpoint: SIGHUP, and saving the
 * configuration file (its directory is watched; bursts of events from one save are coalesced).
 */
public final class ReloadTriggers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ReloadTriggers.class);
  private static final long SETTLE_MILLIS = 300;

  private final ConfigReloader reloader;
  private WatchService watcher;
  private Thread watchThread;

  public ReloadTriggers(ConfigReloader reloader) {
    this.reloader = reloader;
  }

  /** Reload on SIGHUP. sun.misc.Signal is the only JDK hook for it; absent on some platforms. */
  @SuppressWarnings("restriction")
  public void onSighup() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> reloader.reload("sighup"));
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      LOG.warn("SIGHUP reload unavailable on this platform: {}", e.getMessage());
    }
  }

  /** Reload when {@code file} is written, renamed into place or recreated. */
  public void watch(Path file) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path directory = absolute.getParent();
    Path name = absolute.getFileName();
    watcher = FileSystems.getDefault().newWatchService();
    directory.register(
        watcher,
        StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_CREATE,
        StandardWatchEventKinds.ENTRY_DELETE);
    watchThread = new Thread(() -> watchLoop(name), "config-watch");
    watchThread.setDaemon(true);
    watchThread.start();
  }

  private void watchLoop(Path name) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        boolean ours = false;
        for (WatchEvent<?> event : key.pollEvents()) {
          ours |= name.equals(event.context());
        }
        key.reset();
        if (!ours) {
          continue;
        }
        // Editors write in several steps; wait until the file settles, then reload once.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          more.pollEvents();
          more.reset();
        }
        reloader.reload("file-change");
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // Shutting down.
    }
  }

  @Override
  public void close() throws IOException {
    if (watcher != null) {
      watcher.close();
    }
    if (watchThread != null) {
      watchThread.interrupt();
    }
  }
}
