package io.thingtank.aws.protocol;

import io.thingtank.aws.AwsError;
import io.thingtank.aws.AwsServiceModel;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkResponse;

/**
 * ec2Query (Smithy "EC2 query protocol"): as awsQuery, but lists are always {@code Name.N}, query
 * names come from the {@code @ec2QueryName} trait (already the SDK's {@code locationName}),
 * responses have no Result wrapper ({@code <OpResponse xmlns><requestId/>..members..</OpResponse>})
 * and errors are {@code <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>}.
 * Stateless and thread-safe.
 */
public class Ec2QueryCodec extends AwsQueryCodec {
  private static final Ec2QueryCodec INSTANCE = new Ec2QueryCodec();

  protected Ec2QueryCodec() { super(true, QueryMemberNames.NONE); }

  public static Ec2QueryCodec ec2Instance() { return INSTANCE; }

  @Override
  protected void writeResult(XMLStreamWriter w, String operation, SdkResponse response, String requestId)
      throws XMLStreamException {
    XmlBodies.textElement(w, "requestId", requestId);
    writer.writeMembers(w, response);
  }

  @Override
  public AwsHttpResponse encodeError(AwsServiceModel service, String operation, AwsError error, String requestId) {
    byte[] body = XmlBodies.write(w -> {
      w.writeStartElement("Response");
      w.writeStartElement("Errors");
      w.writeStartElement("Error");
      XmlBodies.textElement(w, "Code", error.queryCode());
      XmlBodies.textElement(w, "Message", error.getMessage());
      w.writeEndElement();
      w.writeEndElement();
      XmlBodies.textElement(w, "RequestID", requestId);
      w.writeEndElement();
    });
    return new AwsHttpResponse(error.status(), headers(requestId), body);
  }
}
