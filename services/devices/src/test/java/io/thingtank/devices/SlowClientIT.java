package io.thingtank.devices;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thingtank.devices.hub.DeviceJson;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A streaming subscriber that stops reading is disconnected instead of buffered without bound. */
@Timeout(90)
class SlowClientIT {
  @TempDir Path dir;

  @Test
  void subscriberThatNeverReadsIsCutOff() throws Exception {
    try (HubNode node = HubNode.start(dir)) {
      String[] a = node.register("{}");
      DeviceHub hub = node.node.platform().lookup(DeviceHub.class).orElseThrow();
      ObjectNode me = hub.authenticate(a[0], a[1]).await(5, TimeUnit.SECONDS);
      try (Socket s = new Socket()) {
        s.setReceiveBufferSize(64 * 1024); // a fixed window: the kernel's autotuning would absorb tens of MB
        s.connect(new java.net.InetSocketAddress("127.0.0.1", node.port()));
        OutputStream out = s.getOutputStream();
        String basic = Base64.getEncoder().encodeToString((a[0] + ":" + a[1]).getBytes(StandardCharsets.UTF_8));
        out.write(("GET /subscribe/" + a[0] + "/broadcast HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " + basic
            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        byte[] head = new byte[15];
        assertThat(in.readNBytes(head, 0, 15)).isEqualTo(15);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200 OK");
        // WHEN 16 MB of broadcasts are sent while the client reads nothing
        String chunk = "x".repeat(64 * 1024);
        for (int i = 0; i < 256; i++) {
          ObjectNode msg = DeviceJson.object().put("devices", "*").put("payload", chunk);
          hub.sendMessage(me, msg).await(5, TimeUnit.SECONDS);
        }
        Thread.sleep(3000); // deliveries are asynchronous: let the hub try to write them all before the client reads
        // THEN the hub has hung up: draining what reached the socket ends in EOF or a reset, well short of 16 MB
        long total = 0;
        s.setSoTimeout(20_000);
        try {
          byte[] buf = new byte[1 << 16];
          for (int n; (n = in.read(buf)) > 0; ) total += n;
        } catch (java.net.SocketException reset) {
          // connection reset by the hub: also a disconnect
        }
        assertThat(total).isLessThan(16L * 1024 * 1024);
      }
      assertThat(node.call("GET", "/status", null, null).status()).isEqualTo(200);
    }
  }
}
