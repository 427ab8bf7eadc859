package galley.module.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MountTest {

    @AfterEach
    void reset() {
        Mount.reset();
    }

    @Test
    void galleyWarOwnsEveryPathAndTranslatesNothing() {
        Mount war = Mount.current();
        assertFalse(war.module());
        assertTrue(war.covers("/anything"));
        assertEquals("/api/admin/articles", war.canonical("/api//admin/articles"));
        assertEquals("/api/articles", war.published("/api/articles"));
        assertEquals("/api", war.publicApiPath());
    }

    @Test
    void inAHostOnlyTheChosenPathIsGalleys() {
        Mount mount = Mount.module("/host", "/cms/api");
        assertTrue(mount.covers("/cms/api"));
        assertTrue(mount.covers("/cms/api/articles"));
        assertTrue(mount.covers("/cms//api/admin"), "repeated slashes do not move a path out");
        assertFalse(mount.covers("/cms/apix"));
        assertFalse(mount.covers("/own/hello"));
        assertFalse(mount.covers("/api/articles"), "the host's own /api is the host's");
        assertEquals("/api/admin/articles", mount.canonical("/cms/api/admin/articles"));
        assertEquals("/api", mount.canonical("/cms/api"));
        assertEquals("/own/hello", mount.canonical("/own/hello"));
        assertEquals("/host/cms/api/articles/{slug}", mount.published("/api/articles/{slug}"));
        assertEquals("/host/cms/api", mount.publicApiPath());
        assertEquals("/host", mount.contextPath());
    }

    @Test
    void atTheHostsRootEverythingIsGalleys() {
        Mount mount = Mount.module("", "");
        assertTrue(mount.covers("/articles"));
        assertEquals("/api/articles", mount.canonical("/articles"));
        assertEquals("/articles", mount.published("/api/articles"));
    }

    @Test
    void onlyPathPrefixMappingsGiveAnApiPath() {
        assertEquals("/cms/api", Mount.apiPathOf("/cms/api/*"));
        assertEquals("", Mount.apiPathOf("/*"));
        assertNull(Mount.apiPathOf("*.json"));
        assertNull(Mount.apiPathOf("/cms/api"));
        assertNull(Mount.apiPathOf("/cms/*/api/*"));
        assertNull(Mount.apiPathOf(null));
    }
}
