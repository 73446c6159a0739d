package dev.resilint.infra.cfn.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * A {@link FuzzedDataProvider} that draws its values from a seeded pseudo-random generator instead
 * of the fuzzer's bytes, so that {@link TemplateGrammar} and {@link TemplateMutator} can build
 * inputs without coverage guidance, fast, and each input replays from its seed alone. Like the
 * fuzzer's provider it has a budget of bytes: once it is spent, every value is the smallest one
 * allowed, as Jazzer's provider does when its data runs out.
 */
final class RandomData implements FuzzedDataProvider {

    private final SplittableRandom random;
    private int remaining;

    RandomData(long seed, int bytes) {
        this.random = new SplittableRandom(seed);
        this.remaining = bytes;
    }

    private boolean spend(int bytes) {
        if (remaining < bytes) {
            remaining = 0;
            return false;
        }
        remaining -= bytes;
        return true;
    }

    @Override
    public boolean consumeBoolean() {
        return spend(1) && random.nextBoolean();
    }

    @Override
    public boolean[] consumeBooleans(int maxLength) {
        boolean[] out = new boolean[Math.max(0, Math.min(maxLength, remaining))];
        for (int i = 0; i < out.length; i++) {
            out[i] = consumeBoolean();
        }
        return out;
    }

    @Override
    public byte consumeByte() {
        return spend(1) ? (byte) random.nextInt() : 0;
    }

    @Override
    public byte consumeByte(byte min, byte max) {
        return (byte) consumeInt(min, max);
    }

    @Override
    public byte[] consumeBytes(int maxLength) {
        byte[] out = new byte[Math.max(0, Math.min(maxLength, remaining))];
        for (int i = 0; i < out.length; i++) {
            out[i] = consumeByte();
        }
        return out;
    }

    @Override
    public byte[] consumeRemainingAsBytes() {
        return consumeBytes(remaining);
    }

    @Override
    public short consumeShort() {
        return spend(2) ? (short) random.nextInt() : 0;
    }

    @Override
    public short consumeShort(short min, short max) {
        return (short) consumeInt(min, max);
    }

    @Override
    public short[] consumeShorts(int maxLength) {
        short[] out = new short[Math.max(0, Math.min(maxLength, remaining / 2))];
        for (int i = 0; i < out.length; i++) {
            out[i] = consumeShort();
        }
        return out;
    }

    @Override
    public int consumeInt() {
        return spend(4) ? random.nextInt() : 0;
    }

    @Override
    public int consumeInt(int min, int max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max");
        }
        if (!spend(1)) {
            return min;
        }
        return (int) (min + random.nextLong((long) max - min + 1));
    }

    @Override
    public int[] consumeInts(int maxLength) {
        int[] out = new int[Math.max(0, Math.min(maxLength, remaining / 4))];
        for (int i = 0; i < out.length; i++) {
            out[i] = consumeInt();
        }
        return out;
    }

    @Override
    public long consumeLong() {
        return spend(8) ? random.nextLong() : 0;
    }

    @Override
    public long consumeLong(long min, long max) {
        if (min > max) {
            throw new IllegalArgumentException("min > max");
        }
        if (!spend(1)) {
            return min;
        }
        return max - min == Long.MAX_VALUE || max - min < 0 ? random.nextLong() : min + random.nextLong(max - min + 1);
    }

    @Override
    public long[] consumeLongs(int maxLength) {
        long[] out = new long[Math.max(0, Math.min(maxLength, remaining / 8))];
        for (int i = 0; i < out.length; i++) {
            out[i] = consumeLong();
        }
        return out;
    }

    @Override
    public float consumeFloat() {
        return spend(4) ? Float.intBitsToFloat(random.nextInt()) : 0f;
    }

    @Override
    public float consumeRegularFloat() {
        return consumeRegularFloat(-Float.MAX_VALUE, Float.MAX_VALUE);
    }

    @Override
    public float consumeRegularFloat(float min, float max) {
        return min + (max / 2 - min / 2) * 2 * consumeProbabilityFloat();
    }

    @Override
    public float consumeProbabilityFloat() {
        return spend(4) ? random.nextFloat() : 0f;
    }

    @Override
    public double consumeDouble() {
        return spend(8) ? Double.longBitsToDouble(random.nextLong()) : 0d;
    }

    @Override
    public double consumeRegularDouble() {
        return consumeRegularDouble(-Double.MAX_VALUE, Double.MAX_VALUE);
    }

    @Override
    public double consumeRegularDouble(double min, double max) {
        return min + (max / 2 - min / 2) * 2 * consumeProbabilityDouble();
    }

    @Override
    public double consumeProbabilityDouble() {
        return spend(8) ? random.nextDouble() : 0d;
    }

    @Override
    public char consumeChar() {
        return spend(2) ? (char) random.nextInt(Character.MAX_VALUE + 1) : 0;
    }

    @Override
    public char consumeChar(char min, char max) {
        return (char) consumeInt(min, max);
    }

    @Override
    public char consumeCharNoSurrogates() {
        char c = consumeChar();
        return Character.isSurrogate(c) ? (char) (c & 0x7ff) : c;
    }

    @Override
    public String consumeString(int maxLength) {
        int length = consumeInt(0, Math.max(0, maxLength));
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            // mostly printable ASCII, now and then anything (a lone surrogate included)
            sb.append(consumeInt(0, 7) == 0 ? consumeChar() : (char) consumeInt(0x20, 0x7e));
        }
        return sb.toString();
    }

    @Override
    public String consumeRemainingAsString() {
        return consumeString(remaining);
    }

    @Override
    public String consumeAsciiString(int maxLength) {
        return new String(consumeBytes(maxLength), StandardCharsets.US_ASCII).replaceAll("[^\\x00-\\x7f]", "?");
    }

    @Override
    public String consumeRemainingAsAsciiString() {
        return consumeAsciiString(remaining);
    }

    @Override
    public int remainingBytes() {
        return remaining;
    }
}
