package galley.articles.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImportActivityTest {

    private final ImportActivity imports = new ImportActivity();

    @Test
    void idleUntilTheFirstImport() {
        assertFalse(imports.busy(0));
        assertFalse(imports.busy(System.currentTimeMillis()));
    }

    @Test
    void busyWhileAnImportRunsHoweverLong() {
        imports.started();
        assertTrue(imports.busy(1_000));
        assertTrue(imports.busy(1_000 + ImportActivity.QUIET.toMillis() * 10));
    }

    @Test
    void busyUntilImportsHavePausedForTheQuietTime() {
        long quiet = ImportActivity.QUIET.toMillis();
        imports.started();
        imports.started();
        imports.ended(10_000);
        assertTrue(imports.busy(10_000 + quiet * 2), "the other import still runs");
        imports.ended(20_000);
        assertTrue(imports.busy(20_000 + quiet - 1));
        assertFalse(imports.busy(20_000 + quiet));
    }
}
