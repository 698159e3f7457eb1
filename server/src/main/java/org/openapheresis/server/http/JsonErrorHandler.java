package org.openapheresis.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answers Jetty gives itself, before a route runs (a body over the size limit, a malformed request line), as
 * the same JSON problem body every route answers: {@code {"title", "status"}}, never an HTML page or a stack.
 */
final class JsonErrorHandler extends ErrorHandler {

    /** A request Jetty could not parse (a malformed URI, a bad header): the same JSON body. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpApp.SECURITY_HEADERS.forEach(fields::put);
        return ByteBuffer.wrap(json(status).getBytes(StandardCharsets.UTF_8));
    }

    private static String json(int code) {
        String title = code == 413 ? "the request body is larger than " + HttpApp.MAX_REQUEST_BYTES + " bytes"
                : "the request could not be read";
        return "{\"title\":\"" + title + "\",\"status\":" + code
                + (code == 413 ? ",\"maxBytes\":" + HttpApp.MAX_REQUEST_BYTES : "") + "}";
    }

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
            String contentType, List<Charset> charsets, int code, String message, Throwable cause) {
        String json = json(code);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        HttpApp.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.write(true, ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }
}
