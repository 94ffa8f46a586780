package dev.asyncplayground.engine;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes run ids that this server can later recognise as its own without remembering them.
 *
 * <p>An id is a sequence number followed by a signature of it with a key made at start-up, both
 * in a lower-case alphabet without look-alike characters. So a run the store has forgotten can be
 * told from a mistyped id with no memory per run: the signature matches only ids this server
 * gave out, and another server (or this one after a restart) has another key. Ids cannot be
 * guessed from each other.
 */
final class RunIds {

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final String DIGITS = new String(ALPHABET);
    private static final int SIGNATURE_CHARS = 8;
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac mac;
    private long next = 1;

    /** Makes the key and the signer at once, so that the first run does not wait for the JDK's providers. */
    RunIds() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, missing);
        }
    }

    /** A new id. */
    synchronized String next() {
        long sequence = next++;
        return encode(sequence) + signature(sequence);
    }

    /** True if this server gave out {@code id}. */
    boolean issued(String id) {
        if (id.length() <= SIGNATURE_CHARS || id.length() > SIGNATURE_CHARS + 13) {
            return false;
        }
        int split = id.length() - SIGNATURE_CHARS;
        long sequence = decode(id.substring(0, split));
        return sequence > 0 && signature(sequence).equals(id.substring(split));
    }

    private String signature(long sequence) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(sequence).array());
        }
        StringBuilder text = new StringBuilder(SIGNATURE_CHARS);
        for (int i = 0; i < SIGNATURE_CHARS; i++) {
            text.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
        }
        return text.toString();
    }

    private static String encode(long sequence) {
        StringBuilder text = new StringBuilder();
        for (long rest = sequence; rest > 0; rest /= ALPHABET.length) {
            text.append(ALPHABET[(int) (rest % ALPHABET.length)]);
        }
        return text.reverse().toString();
    }

    /** The sequence number an id's head stands for, or -1 if it is not one. */
    private static long decode(String head) {
        long sequence = 0;
        for (char c : head.toCharArray()) {
            int digit = DIGITS.indexOf(c);
            if (digit < 0) {
                return -1;
            }
            sequence = sequence * ALPHABET.length + digit;
        }
        return sequence;
    }
}
