package org.tvm.domain;

import java.util.Locale;

/**
 * Validates and canonicalises IPv4/IPv6 literals (RFC 5952 for IPv6) without any name resolution,
 * so an INET column hands back exactly the string the domain stored.
 */
public final class IpAddressLiteral {

    private IpAddressLiteral() {
    }

    /** @return the canonical form, or null for null input */
    public static String normalise(String entity, String field, String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.trim();
        String canonical = v.indexOf(':') >= 0 ? ipv6(v) : ipv4(v);
        if (canonical == null) {
            throw new DomainValidationException(entity, field, "must be an IPv4 or IPv6 address literal");
        }
        return canonical;
    }

    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String v = raw.trim();
        return (v.indexOf(':') >= 0 ? ipv6(v) : ipv4(v)) != null;
    }

    private static String ipv4(String v) {
        int[] octets = parseIpv4(v);
        if (octets == null) {
            return null;
        }
        return octets[0] + "." + octets[1] + "." + octets[2] + "." + octets[3];
    }

    private static int[] parseIpv4(String v) {
        String[] parts = v.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            // leading zeros are ambiguous (octal in some parsers), so refuse them
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')
                    || (p.length() > 1 && p.charAt(0) == '0')) {
                return null;
            }
            octets[i] = Integer.parseInt(p);
            if (octets[i] > 255) {
                return null;
            }
        }
        return octets;
    }

    private static String ipv6(String v) {
        int[] groups = parseIpv6(v);
        if (groups == null) {
            return null;
        }
        boolean mapped = groups[0] == 0 && groups[1] == 0 && groups[2] == 0 && groups[3] == 0 && groups[4] == 0
                && groups[5] == 0xFFFF;
        if (mapped) {
            return "::ffff:" + (groups[6] >> 8) + "." + (groups[6] & 0xFF) + "." + (groups[7] >> 8) + "."
                    + (groups[7] & 0xFF);
        }
        // longest run (length >= 2) of zero groups is compressed; first one wins a tie
        int bestStart = -1;
        int bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] == 0) {
                int j = i;
                while (j < 8 && groups[j] == 0) {
                    j++;
                }
                if (j - i > bestLen) {
                    bestStart = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) {
            bestStart = -1;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static int[] parseIpv6(String v) {
        if (v.isEmpty() || v.indexOf('%') >= 0 || v.indexOf('/') >= 0) {
            return null;
        }
        int dc = v.indexOf("::");
        if (dc >= 0 && v.indexOf("::", dc + 1) >= 0) {
            return null;
        }
        String head = dc >= 0 ? v.substring(0, dc) : v;
        String tail = dc >= 0 ? v.substring(dc + 2) : "";
        int[] h = groups(head, dc < 0);
        int[] t = dc >= 0 ? groups(tail, true) : new int[0];
        if (h == null || t == null) {
            return null;
        }
        int total = h.length + t.length;
        if (dc < 0 ? total != 8 : total > 7) {
            return null;
        }
        int[] out = new int[8];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(t, 0, out, 8 - t.length, t.length);
        return out;
    }

    /** Hex groups of one side of "::"; an embedded IPv4 is allowed only at the very end. */
    private static int[] groups(String s, boolean mayEndWithIpv4) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (i == parts.length - 1 && p.indexOf('.') >= 0) {
                int[] o = mayEndWithIpv4 ? parseIpv4(p) : null;
                if (o == null) {
                    return null;
                }
                out[n++] = (o[0] << 8) | o[1];
                out[n++] = (o[2] << 8) | o[3];
                continue;
            }
            if (p.isEmpty() || p.length() > 4) {
                return null;
            }
            int value = 0;
            for (char c : p.toCharArray()) {
                boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
                if (!hex) {
                    return null;
                }
                int d = Character.digit(c, 16);
                value = value * 16 + d;
            }
            out[n++] = value;
        }
        int[] exact = new int[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }
}
