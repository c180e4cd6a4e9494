package io.thingtank.wamp.auth;

import java.util.Map;

/** Who a session is once authenticated: goes into WELCOME.Details (WAMP §7.1.2, §14.5.2). */
public record AuthResult(String authid, String authrole, String authmethod, String authprovider,
    Map<String, Object> authextra) {
}
