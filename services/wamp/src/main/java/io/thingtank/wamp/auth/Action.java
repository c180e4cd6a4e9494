package io.thingtank.wamp.auth;

/** What a session asks to do on a URI. */
public enum Action { CALL, REGISTER, PUBLISH, SUBSCRIBE }
