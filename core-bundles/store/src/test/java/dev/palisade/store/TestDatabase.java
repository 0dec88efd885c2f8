package dev.palisade.store;

/** A database the store contract runs against: hands out empty databases. */
interface TestDatabase {

    /** @return settings for a new, empty database of this kind */
    StoreConfig fresh();
}
