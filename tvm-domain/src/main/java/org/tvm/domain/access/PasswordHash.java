package org.tvm.domain.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tvm.domain.DomainValidationException;

/**
 * A stored password hash. Only slow, salted formats are accepted (bcrypt cost >= 12 or argon2id), so a
 * plaintext password or a weak hash can never reach the users table by mistake. Hashing itself is
 * the application's job. {@link #toString()} is masked; errors never echo the value.
 */
public record PasswordHash(String value) {

    public static final int MIN_BCRYPT_COST = 12;

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$(\\d{2})\\$[./A-Za-z0-9]{53}$");
    private static final Pattern ARGON2ID = Pattern.compile(
            "^\\$argon2id\\$v=19\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,10})\\$[A-Za-z0-9+/]+={0,2}\\$[A-Za-z0-9+/]+={0,2}$");

    public PasswordHash {
        if (value == null) {
            throw new DomainValidationException("PasswordHash", "value", "must not be null");
        }
        if (value.length() > 255) {
            throw new DomainValidationException("PasswordHash", "value", "must be at most 255 characters");
        }
        Matcher bcrypt = BCRYPT.matcher(value);
        if (bcrypt.matches()) {
            int cost = Integer.parseInt(bcrypt.group(1));
            if (cost < MIN_BCRYPT_COST || cost > 31) {
                throw new DomainValidationException("PasswordHash", "value",
                        "bcrypt cost must be between " + MIN_BCRYPT_COST + " and 31");
            }
        } else {
            Matcher argon = ARGON2ID.matcher(value);
            if (!argon.matches() || !positive(argon.group(1)) || !positive(argon.group(2)) || !positive(argon.group(3))) {
                throw new DomainValidationException("PasswordHash", "value",
                        "must be a bcrypt ($2a$/$2b$/$2y$, cost >= 12) or argon2id ($argon2id$v=19$...) hash; plaintext is refused");
            }
        }
    }

    public static PasswordHash of(String value) {
        return new PasswordHash(value);
    }

    private static boolean positive(String digits) {
        long v = Long.parseLong(digits);
        return v > 0 && v <= Integer.MAX_VALUE;
    }

    /** "bcrypt" or "argon2id". */
    public String algorithm() {
        return value.startsWith("$argon2id$") ? "argon2id" : "bcrypt";
    }

    @Override
    public String toString() {
        return "PasswordHash[" + algorithm() + ", ***]";
    }
}
