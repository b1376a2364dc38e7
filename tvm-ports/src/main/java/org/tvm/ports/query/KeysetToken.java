package org.tvm.ports.query;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Encodes the sort key of the last item of a page into an opaque, URL-safe page token, and back. For adapters.
 *
 * <p>Format: URL-safe base64 without padding of {@code [version 1 byte][per part: 4-byte big-endian length + UTF-8
 * bytes][first 8 bytes of SHA-256 over the preceding bytes]}. The checksum detects garbled, truncated or hand-edited
 * tokens; it is an integrity check, not a signature (tokens are not secret and a deliberately forged token can only
 * seek within the caller's own facility, because queries re-apply the facility filter). Tokens are at most
 * {@value #MAX_TOKEN_LENGTH} characters.
 *
 * <p>Adapters should encode sort-key values in a canonical, adapter-independent text form ({@code Instant.toString()},
 * {@code UUID.toString()}, plain strings) and are encouraged to make the first part a query discriminator
 * (e.g. {@code "residents"}) so tokens of another query are rejected.
 */
public final class KeysetToken {

    /** Longest token {@link #encode} produces and {@link #decode} accepts. */
    public static final int MAX_TOKEN_LENGTH = 2048;

    private static final byte VERSION = 1;
    private static final int CHECKSUM_BYTES = 8;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private KeysetToken() {
    }

    /**
     * @param parts the sort-key values, at least one, each non-null (may be empty strings)
     * @return a non-blank URL-safe token
     * @throws NullPointerException     if parts or any part is null
     * @throws IllegalArgumentException if no part is given or the token would exceed {@value #MAX_TOKEN_LENGTH} characters
     */
    public static String encode(String... parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("a keyset token needs at least one part");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(VERSION);
        for (int i = 0; i < parts.length; i++) {
            final int index = i;
            String part = Objects.requireNonNull(parts[i], () -> "keyset token part " + index + " must not be null");
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        byte[] payload = out.toByteArray();
        out.writeBytes(checksum(payload, payload.length));
        String token = ENCODER.encodeToString(out.toByteArray());
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("keyset token would be longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        return token;
    }

    /**
     * @param parts the sort-key values, see {@link #encode(String...)}
     * @return a non-blank URL-safe token
     * @throws NullPointerException     if parts or any part is null
     * @throws IllegalArgumentException if parts is empty or the token would be too long
     */
    public static String encode(List<String> parts) {
        return encode(Objects.requireNonNull(parts, "parts").toArray(new String[0]));
    }

    /**
     * @param token         the token received from a caller
     * @param expectedParts number of parts the query encodes, &gt;= 1
     * @return unmodifiable list of exactly {@code expectedParts} parts, in encoding order
     * @throws NullPointerException     if token is null
     * @throws IllegalArgumentException if expectedParts &lt; 1, or the token is not a valid page token: not URL-safe base64,
     *                                  too long, unknown version, failed integrity check, malformed, or a different number of
     *                                  parts. The message never echoes the token.
     */
    public static List<String> decode(String token, int expectedParts) {
        Objects.requireNonNull(token, "token");
        if (expectedParts < 1) {
            throw new IllegalArgumentException("expectedParts must be >= 1 (was " + expectedParts + ")");
        }
        if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("empty or longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            throw invalid("not URL-safe base64");
        }
        if (!ENCODER.encodeToString(bytes).equals(token)) {
            throw invalid("not canonical URL-safe base64 without padding");
        }
        if (bytes.length < 1 + CHECKSUM_BYTES) {
            throw invalid("too short");
        }
        int payloadLength = bytes.length - CHECKSUM_BYTES;
        byte[] expected = checksum(bytes, payloadLength);
        byte[] actual = Arrays.copyOfRange(bytes, payloadLength, bytes.length);
        if (!MessageDigest.isEqual(expected, actual)) {
            throw invalid("integrity check failed (garbled or modified)");
        }
        if (bytes[0] != VERSION) {
            throw invalid("unsupported version " + bytes[0]);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, payloadLength - 1);
        List<String> parts = new ArrayList<>();
        while (buffer.hasRemaining()) {
            if (buffer.remaining() < 4) {
                throw invalid("malformed");
            }
            int length = buffer.getInt();
            if (length < 0 || length > buffer.remaining()) {
                throw invalid("malformed");
            }
            byte[] part = new byte[length];
            buffer.get(part);
            try {
                parts.add(StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(part)).toString());
            } catch (CharacterCodingException e) {
                throw invalid("malformed");
            }
        }
        if (parts.size() != expectedParts) {
            throw invalid("has " + parts.size() + " parts, expected " + expectedParts
                    + " (token of another query?)");
        }
        return List.copyOf(parts);
    }

    private static IllegalArgumentException invalid(String why) {
        return new IllegalArgumentException("Invalid page token: " + why
                + "; pass back the nextToken of the previous page unchanged, or null for the first page");
    }

    private static byte[] checksum(byte[] bytes, int length) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("tvm-keyset".getBytes(StandardCharsets.US_ASCII));
            sha.update(bytes, 0, length);
            return Arrays.copyOf(sha.digest(), CHECKSUM_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
