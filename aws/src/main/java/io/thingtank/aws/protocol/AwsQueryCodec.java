package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsErrors;
import io.thingtank.aws.AwsServiceModel;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkResponse;

/**
 * awsQuery (Smithy "AWS query protocol"): {@code Action} and {@code Version} plus the input members
 * as form parameters (body or query string); XML responses
 * {@code <OpResponse xmlns><OpResult>..</OpResult><ResponseMetadata><RequestId/></ResponseMetadata></OpResponse>};
 * errors {@code <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>}
 * with the legacy query code. Stateless and thread-safe; {@link Ec2QueryCodec} overrides the shapes EC2 differs in.
 */
public class AwsQueryCodec implements AwsCodec {
  private static final AwsQueryCodec INSTANCE = new AwsQueryCodec(false, QueryMemberNames.NONE);

  private final QueryShapeReader reader;
  protected final XmlShapeWriter writer;

  AwsQueryCodec(boolean ec2, QueryMemberNames names) {
    this.reader = new QueryShapeReader(ec2, names);
    this.writer = new XmlShapeWriter(names);
  }

  public static AwsQueryCodec instance() { return INSTANCE; }

  @Override
  public AwsCall decode(AwsServiceModel service, AwsHttpRequest request) {
    QueryParams params = new QueryParams(request);
    String action = params.get("Action");
    if (action == null || action.isEmpty()) throw AwsErrors.missingParameter("Action");
    SdkPojo builder = ModelClasses.requestBuilder(service.modelPackage(), action, () -> AwsErrors.invalidAction(action));
    reader.readStruct(builder, "", params);
    return new AwsCall(action, Pojos.build(builder));
  }

  @Override
  public AwsHttpResponse encode(AwsServiceModel service, String operation, SdkResponse response, String requestId) {
    byte[] body = XmlBodies.write(w -> {
      XmlBodies.startRoot(w, operation + "Response", service.xmlNamespace());
      writeResult(w, operation, response, requestId);
      w.writeEndElement();
    });
    return new AwsHttpResponse(200, headers(requestId), body);
  }

  /** awsQuery: members inside {@code <OpResult>}, then the request id in {@code ResponseMetadata}. */
  protected void writeResult(XMLStreamWriter w, String operation, SdkResponse response, String requestId)
      throws XMLStreamException {
    if (!response.sdkFields().isEmpty()) {
      w.writeStartElement(operation + "Result");
      writer.writeMembers(w, response);
      w.writeEndElement();
    }
    w.writeStartElement("ResponseMetadata");
    XmlBodies.textElement(w, "RequestId", requestId);
    w.writeEndElement();
  }

  @Override
  public AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId) {
    byte[] body = XmlBodies.write(w -> {
      XmlBodies.startRoot(w, "ErrorResponse", service.xmlNamespace());
      w.writeStartElement("Error");
      XmlBodies.textElement(w, "Type", error.faultType());
      XmlBodies.textElement(w, "Code", error.queryCode());
      XmlBodies.textElement(w, "Message", error.getMessage());
      w.writeEndElement();
      XmlBodies.textElement(w, "RequestId", requestId);
      w.writeEndElement();
    });
    return new AwsHttpResponse(error.status(), headers(requestId), body);
  }

  protected static Map<String, String> headers(String requestId) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("content-type", "text/xml");
    h.put("x-amzn-RequestId", requestId);
    return h;
  }
}
