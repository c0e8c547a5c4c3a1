package org.trame.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trame.core.Trame;
import org.trame.core.TrameConfig;
import org.trame.core.i18n.Lang;
import org.trame.core.port.Messenger;
import org.trame.core.port.OutboundMessage;

/** The operators' endpoint has no authentication: it listens on loopback unless TRAME_ADMIN_BIND says otherwise. */
class AdminServerBindTest {

  @TempDir
  Path dir;
  Trame trame;

  @BeforeEach
  void start() {
    Messenger console = new Messenger() {
      @Override
      public String platform() {
        return "console";
      }

      @Override
      public void send(OutboundMessage message) {}
    };
    trame = Trame.start(new TrameConfig(dir.resolve("trame.db"), null, Set.of(), Lang.EN, Clock.systemUTC(), null), List.of(console));
  }

  @AfterEach
  void stop() {
    trame.close();
  }

  /** An IPv4 address of this machine that is not loopback, if it has one. */
  private static Optional<InetAddress> outwardAddress() throws IOException {
    for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (n.isUp() && !n.isLoopback()) {
        for (InetAddress a : Collections.list(n.getInetAddresses())) {
          if (a instanceof Inet4Address) {
            return Optional.of(a);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean reachable(InetAddress address, int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(address, port), 2_000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  @DisplayName("without TRAME_ADMIN_BIND the endpoint listens on loopback only: reachable there, not on the machine's other address")
  void loopbackByDefault() throws Exception {
    // given no TRAME_ADMIN_BIND
    InetAddress bind = AdminServer.bind(Map.of());
    // when the endpoint starts
    try (AdminServer admin = AdminServer.start(bind, 0, trame, Map.of())) {
      // then it listens on a loopback address, answers there, and not on an outward address of this machine
      assertTrue(admin.address().isLoopbackAddress(), admin.address().toString());
      assertTrue(reachable(InetAddress.getLoopbackAddress(), admin.port()));
      Optional<InetAddress> outward = outwardAddress();
      if (outward.isPresent()) {
        assertTrue(!reachable(outward.get(), admin.port()), "reachable on " + outward.get());
      }
    }
  }

  @Test
  @DisplayName("TRAME_ADMIN_BIND=0.0.0.0 listens on every interface, for containers; a value that is no address stops the start with a clear line")
  void boundWhereTold() throws Exception {
    InetAddress every = AdminServer.bind(Map.of("TRAME_ADMIN_BIND", "0.0.0.0"));
    try (AdminServer admin = AdminServer.start(every, 0, trame, Map.of())) {
      assertTrue(admin.address().isAnyLocalAddress(), admin.address().toString());
      Optional<InetAddress> outward = outwardAddress();
      if (outward.isPresent()) {
        assertTrue(reachable(outward.get(), admin.port()), "not reachable on " + outward.get());
      }
    }
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> AdminServer.bind(Map.of("TRAME_ADMIN_BIND", "not an address!")));
    assertEquals("TRAME_ADMIN_BIND must be an IP address of this machine (127.0.0.1, or 0.0.0.0 for every interface), got"
        + " 'not an address!'", bad.getMessage());
  }
}
