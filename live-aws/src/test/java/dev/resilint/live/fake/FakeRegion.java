package dev.resilint.live.fake;

/** The answers of one account in one region. Obtain it with {@link FakeAccount#region(String)}. */
public final class FakeRegion extends Answers<FakeRegion> {
    private final FakeAccount account;
    private final String name;

    FakeRegion(FakeAccount account, String name) {
        this.account = account;
        this.name = name;
    }

    /** The region's name. */
    public String name() {
        return name;
    }

    /** The account this region belongs to. */
    public FakeAccount account() {
        return account;
    }
}
