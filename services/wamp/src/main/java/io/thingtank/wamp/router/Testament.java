package io.thingtank.wamp.router;

import java.util.List;
import java.util.Map;

/** An event a session asked to have published when it goes away (WAMP testament_meta_api). */
record Testament(String topic, List<Object> args, Map<String, Object> kwargs, Map<String, Object> options,
    String scope) {
}
