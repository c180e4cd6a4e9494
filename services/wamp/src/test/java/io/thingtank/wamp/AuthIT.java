package io.thingtank.wamp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each WAMP authentication method with AutobahnPython against a router configured like
 * Crossbar (static principals, a {@code frontend} role with URI-prefix permissions, no
 * anonymous, not dev mode): success, wrong secrets (ABORT authentication_failed), unknown
 * keys, unknown realms, and the role's permissions applied to publish/register.
 */
class AuthIT {
  static final String SEED = "4d57d97a68f555696620a6d849c0ce582568518d729eb753dc7c732de2804510";
  static final String PUBKEY = "1adfc8bfe1d35616e64dffbd900096f23b066f914c8c2ffbb66f6075b96e116d";
  static final String CONFIG = """
      {"realms": [{"name": "realm1", "roles": [{"name": "frontend", "permissions": [
          {"uri": "com.frontend.", "match": "prefix",
           "allow": {"call": true, "register": false, "publish": true, "subscribe": true}}]}]}],
       "auth": {
         "ticket": {"principals": {"joe": {"ticket": "secret-ticket", "role": "frontend"}}},
         "wampcra": {"users": {
             "peter": {"secret": "peter-secret", "role": "frontend"},
             "sally": {"password": "salty-password", "salt": "salt123", "iterations": 100, "keylen": 32,
                       "role": "frontend"}}},
         "cryptosign": {"principals": {"alice": {"authorized_keys": ["%s"], "role": "frontend"}}}}}
      """.formatted(PUBKEY);

  @TempDir static java.nio.file.Path dir;
  static TestRouter router;

  @BeforeAll static void start() throws Exception {
    router = new TestRouter(dir, false, new ObjectMapper().readTree(CONFIG));
  }

  @AfterAll static void stop() { router.close(); }

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource({"ticket,ws", "wampcra,ws", "cryptosign,ws", "ticket,rs", "cryptosign,rs"})
  void authMethod(String method, String transport) throws Exception {
    // GIVEN static principals; WHEN Autobahn authenticates right and wrong
    String url = transport.equals("ws") ? router.wsUrl() : router.rsUrl();
    ExternalClient.Run run = ExternalClient.python("autobahn_interop.py", url, "json", "auth", method, SEED);
    // THEN the right secret joins with the configured role, wrong ones are aborted
    assertThat(run.output()).contains("ok auth." + method, "ok authz.publish_denied", "done failures=0");
    assertThat(run.exit()).as(run.output()).isZero();
  }
}
