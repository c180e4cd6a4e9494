package io.thingtank.mqtt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thingtank.core.Config;
import io.thingtank.core.Node;
import io.thingtank.core.ServiceModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A node running the MQTT module on loopback with a given data dir and {@code mqtt} section. */
final class TestBroker implements AutoCloseable {
  final Node node;
  final MqttModule mqtt;

  private TestBroker(Node node, MqttModule mqtt) {
    this.node = node;
    this.mqtt = mqtt;
  }

  static TestBroker start(Path dataDir, String mqttSectionJson, boolean dev, ServiceModule... extra) {
    return start(dataDir, mqttSectionJson, dev, c -> c, extra);
  }

  static TestBroker start(Path dataDir, String mqttSectionJson, boolean dev,
      java.util.function.UnaryOperator<Config> adjust, ServiceModule... extra) {
    try {
      JsonNode section = new ObjectMapper().readTree(mqttSectionJson);
      Config config = adjust.apply(Config.forTest(dataDir).withDev(dev).withSection("mqtt", section));
      MqttModule mqtt = new MqttModule();
      // a module that provides the MessageBus registers before MQTT starts; the web port starts last
      List<ServiceModule> modules = new ArrayList<>(List.of(extra));
      int at = 0;
      while (at < modules.size() && !(modules.get(at) instanceof io.thingtank.edge.web.WebModule)) at++;
      modules.add(at, mqtt);
      return new TestBroker(Node.start(config, modules), mqtt);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestBroker dev(Path dataDir) { return start(dataDir, "{}", true); }

  int port() { return mqtt.port(); }

  String tcpUri() { return "tcp://127.0.0.1:" + port(); }

  @Override public void close() { node.close(); }
}
