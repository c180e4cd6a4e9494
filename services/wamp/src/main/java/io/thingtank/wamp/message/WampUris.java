package io.thingtank.wamp.message;

/** The predefined error and close URIs (WAMP §11.1 and §11.2). */
public final class WampUris {
  private WampUris() {}

  public static final String INVALID_URI = "wamp.error.invalid_uri";
  public static final String NO_SUCH_PROCEDURE = "wamp.error.no_such_procedure";
  public static final String PROCEDURE_ALREADY_EXISTS = "wamp.error.procedure_already_exists";
  public static final String NO_SUCH_REGISTRATION = "wamp.error.no_such_registration";
  public static final String NO_SUCH_SUBSCRIPTION = "wamp.error.no_such_subscription";
  public static final String NO_SUCH_SESSION = "wamp.error.no_such_session";
  public static final String INVALID_ARGUMENT = "wamp.error.invalid_argument";
  public static final String PROTOCOL_VIOLATION = "wamp.error.protocol_violation";
  public static final String NOT_AUTHORIZED = "wamp.error.not_authorized";
  public static final String AUTHORIZATION_FAILED = "wamp.error.authorization_failed";
  public static final String AUTHENTICATION_FAILED = "wamp.error.authentication_failed";
  public static final String NO_AUTH_METHOD = "wamp.error.no_auth_method";
  public static final String NO_SUCH_REALM = "wamp.error.no_such_realm";
  public static final String NO_SUCH_ROLE = "wamp.error.no_such_role";
  public static final String NO_SUCH_PRINCIPAL = "wamp.error.no_such_principal";
  public static final String CANCELED = "wamp.error.canceled";
  public static final String TIMEOUT = "wamp.error.timeout";
  public static final String OPTION_NOT_ALLOWED = "wamp.error.option_not_allowed";
  public static final String NO_ELIGIBLE_CALLEE = "wamp.error.no_eligible_callee";
  public static final String DISCLOSE_ME_DISALLOWED = "wamp.error.option_disallowed.disclose_me";
  public static final String PAYLOAD_SIZE_EXCEEDED = "wamp.error.payload_size_exceeded";
  public static final String FEATURE_NOT_SUPPORTED = "wamp.error.feature_not_supported";
  public static final String RUNTIME_ERROR = "wamp.error.runtime_error";

  public static final String CLOSE_NORMAL = "wamp.close.normal";
  public static final String CLOSE_SYSTEM_SHUTDOWN = "wamp.close.system_shutdown";
  public static final String CLOSE_REALM = "wamp.close.close_realm";
  public static final String GOODBYE_AND_OUT = "wamp.close.goodbye_and_out";
  public static final String CLOSE_KILLED = "wamp.close.killed";
}
