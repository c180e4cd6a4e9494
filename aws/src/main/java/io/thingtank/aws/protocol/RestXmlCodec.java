package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.w3c.dom.Element;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait.Format;

/**
 * restXml (Smithy "AWS restXml protocol"): the operation from the HTTP method + path + query via
 * the service's {@link OperationTable}; members bound to path labels, query parameters, headers
 * (maps by prefix, e.g. {@code x-amz-meta-}), the status code or the XML payload; errors as
 * {@code <Error><Code/><Message/><RequestId/></Error>}. Streaming payloads (S3 object bodies) are
 * not model members: they stay in the request, and the response body is left empty for the
 * service to stream. Extension points for S3: {@link #operationPath} (virtual-host buckets), {@link #header}
 * (aws-chunked uploads) and {@link #outputRoot}. Stateless and thread-safe.
 */
public class RestXmlCodec implements AwsCodec {
  private final OperationTable table;
  private final XmlShapeReader reader = new XmlShapeReader();
  private final XmlShapeWriter writer = new XmlShapeWriter(QueryMemberNames.NONE);

  public RestXmlCodec(OperationTable table) { this.table = table; }

  /** The path the operation table matches; S3 overrides it to prepend a virtual-host bucket. */
  protected String operationPath(AwsServiceModel service, AwsHttpRequest request) {
    return request.rawPath();
  }

  /**
   * The value of a header-bound input member; S3 overrides it for aws-chunked uploads
   * ({@code Content-Length} from {@code x-amz-decoded-content-length}, {@code aws-chunked} dropped
   * from {@code Content-Encoding}).
   */
  protected String header(AwsHttpRequest request, String lowerCaseName) {
    return request.header(lowerCaseName);
  }

  /** The root element of an output without an explicit payload member (S3 names them, e.g. ListBucketResult). */
  protected String outputRoot(HttpRoute route) {
    return route.outputRoot() != null ? route.outputRoot() : route.operation() + "Result";
  }

  @Override
  public AwsCall decode(AwsServiceModel service, AwsHttpRequest request) {
    Map<String, List<String>> query = request.queryParams();
    OperationTable.Match match = table.match(request.method(), operationPath(service, request), query, request);
    String operation = match.route().operation();
    SdkPojo builder = ModelClasses.requestBuilder(service.modelPackage(), operation,
        () -> io.thingtank.aws.AwsErrors.unknownOperation(operation));
    boolean payloadMembers = false;
    for (SdkField<?> f : builder.sdkFields()) {
      Object v = switch (f.location()) {
        case PATH, GREEDY_PATH -> scalar(f, match.labels().get(f.locationName()), Format.ISO_8601);
        case QUERY_PARAM -> queryValue(f, query.get(f.locationName()));
        case HEADER -> headerValue(f, request);
        default -> null;
      };
      if (v != null) Pojos.set(f, builder, v);
      payloadMembers |= f.location() == MarshallLocation.PAYLOAD;
    }
    if (payloadMembers) readPayload(builder, request.body());
    return new AwsCall(operation, Pojos.build(builder));
  }

  private void readPayload(SdkPojo builder, byte[] body) {
    SdkField<?> payload = payloadField(builder);
    if (body == null || body.length == 0) return;
    if (payload == null) {
      reader.readStruct(builder, XmlBodies.parse(body).getDocumentElement());
      return;
    }
    Object v = switch (payload.marshallingType().getKnownType()) {
      case SDK_BYTES -> SdkBytes.fromByteArray(body);
      case STRING -> new String(body, StandardCharsets.UTF_8);
      case SDK_POJO -> {
        Element root = XmlBodies.parse(body).getDocumentElement();
        yield Pojos.build(reader.readStruct(payload.constructor().get(), root));
      }
      default -> null;
    };
    if (v != null) Pojos.set(payload, builder, v);
  }

  private static SdkField<?> payloadField(SdkPojo pojo) {
    for (SdkField<?> f : pojo.sdkFields()) if (f.containsTrait(PayloadTrait.class)) return f;
    return null;
  }

  private static Object scalar(SdkField<?> f, String text, Format timeDefault) {
    return text == null || !Scalars.isScalar(f) ? null : Scalars.parse(f, text, timeDefault);
  }

  private static Object queryValue(SdkField<?> f, List<String> values) {
    if (values == null || values.isEmpty()) return null;
    return switch (f.marshallingType().getKnownType()) {
      case LIST -> {
        List<Object> out = new ArrayList<>(values.size());
        for (String v : values) out.add(scalar(Pojos.listMember(f), v, Format.ISO_8601));
        yield out;
      }
      case MAP, SDK_POJO, DOCUMENT -> null;
      default -> scalar(f, values.get(0), Format.ISO_8601);
    };
  }

  private Object headerValue(SdkField<?> f, AwsHttpRequest request) {
    String name = f.locationName().toLowerCase(Locale.ROOT);
    return switch (f.marshallingType().getKnownType()) {
      case MAP -> {
        // @httpPrefixHeaders: every header with the prefix, the rest of its name as the key
        Map<String, String> out = new LinkedHashMap<>();
        request.headers().forEach((k, v) -> {
          if (k.startsWith(name) && k.length() > name.length() && !v.isEmpty()) out.put(k.substring(name.length()), v.get(0));
        });
        yield out.isEmpty() ? null : out;
      }
      case LIST -> {
        String v = header(request, name);
        if (v == null) yield null;
        List<Object> out = new ArrayList<>();
        for (String item : v.split(",")) out.add(scalar(Pojos.listMember(f), item.trim(), Format.RFC_822));
        yield out;
      }
      case SDK_POJO, DOCUMENT -> null;
      default -> scalar(f, header(request, name), Format.RFC_822);
    };
  }

  @Override
  public AwsHttpResponse encode(AwsServiceModel service, String operation, SdkResponse response, String requestId) {
    HttpRoute route = table.route(operation);
    int status = route != null ? route.status() : 200;
    Map<String, String> headers = baseHeaders(requestId);
    boolean payloadMembers = false;
    for (SdkField<?> f : response.sdkFields()) {
      Object v = Pojos.value(f, response);
      if (v == null) continue;
      switch (f.location()) {
        case STATUS_CODE -> status = ((Number) v).intValue();
        case HEADER -> writeHeader(headers, f, v);
        case PAYLOAD -> payloadMembers = true;
        default -> { }
      }
    }
    byte[] body = payloadMembers ? payload(service, route, operation, response, headers) : new byte[0];
    return new AwsHttpResponse(status, headers, body);
  }

  private byte[] payload(AwsServiceModel service, HttpRoute route, String operation, SdkResponse response,
      Map<String, String> headers) {
    SdkField<?> payload = payloadField(response);
    if (payload != null) {
      Object v = Pojos.value(payload, response);
      if (v == null) return new byte[0];
      return switch (payload.marshallingType().getKnownType()) {
        case SDK_BYTES -> ((SdkBytes) v).asByteArray();
        case STRING -> ((String) v).getBytes(StandardCharsets.UTF_8);
        default -> xml(headers, w -> {
          XmlBodies.startRoot(w, payload.unmarshallLocationName(), service.xmlNamespace());
          writer.writeMembers(w, v);
          w.writeEndElement();
        });
      };
    }
    String root = route != null ? outputRoot(route) : operation + "Result";
    return xml(headers, w -> {
      XmlBodies.startRoot(w, root, service.xmlNamespace());
      writer.writeMembers(w, response);
      w.writeEndElement();
    });
  }

  private static byte[] xml(Map<String, String> headers, XmlBodies.Content content) {
    headers.put("content-type", "application/xml");
    return XmlBodies.write(content);
  }

  private static void writeHeader(Map<String, String> headers, SdkField<?> f, Object v) {
    switch (f.marshallingType().getKnownType()) {
      case MAP -> ((Map<?, ?>) v).forEach((k, val) -> {
        if (val != null) headers.put(f.locationName() + k, String.valueOf(val));
      });
      case LIST -> {
        List<String> items = new ArrayList<>();
        for (Object item : (List<?>) v) items.add(Scalars.format(Pojos.listMember(f), item, Format.RFC_822));
        headers.put(f.locationName(), String.join(",", items));
      }
      default -> headers.put(f.locationName(), Scalars.format(f, v, Format.RFC_822));
    }
  }

  @Override
  public AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId) {
    Map<String, String> headers = baseHeaders(requestId);
    byte[] body = xml(headers, w -> {
      w.writeStartElement("Error");
      XmlBodies.textElement(w, "Code", error.code());
      XmlBodies.textElement(w, "Message", error.getMessage());
      XmlBodies.textElement(w, "RequestId", requestId);
      w.writeEndElement();
    });
    return new AwsHttpResponse(error.status(), headers, body);
  }

  private static Map<String, String> baseHeaders(String requestId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("x-amz-request-id", requestId);
    h.put("x-amzn-RequestId", requestId);
    return h;
  }
}
