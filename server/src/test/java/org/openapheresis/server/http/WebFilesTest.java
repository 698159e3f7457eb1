package org.openapheresis.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebFilesTest {

    @TempDir
    Path dir;

    private Path jar(String... namesAndTexts) throws IOException {
        Path jar = dir.resolve("server.jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
            for (int i = 0; i < namesAndTexts.length; i += 2) {
                out.putNextEntry(new JarEntry(namesAndTexts[i]));
                out.write(namesAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void from_a_jar_exactly_the_folders_files_are_copied_with_their_bytes_and_paths() throws IOException {
        Path jar = jar("web/index.html", "<html>ü</html>", "web/js/pages/a.js", "export const a = 1;",
                "org/Other.class", "not web", "webby/x.txt", "a sibling, not the folder");
        Path out = WebFiles.copyOut(jar.toUri().toURL(), "web");
        assertThat(out.resolve("index.html")).hasContent("<html>ü</html>");
        assertThat(out.resolve("js/pages/a.js")).hasContent("export const a = 1;");
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(2);
        }
    }

    @Test
    void an_entry_that_climbs_out_of_the_folder_is_refused() throws IOException {
        Path jar = jar("web/../../escaped.txt", "x");
        assertThatThrownBy(() -> WebFiles.copyOut(jar.toUri().toURL(), "web")).isInstanceOf(IOException.class)
                .hasMessageContaining("points outside web/");
    }

    @Test
    void from_a_class_folder_the_folder_itself_is_served() {
        Path web = WebFiles.folder("web");
        assertThat(web.resolve("index.html")).exists();
        assertThat(web.toString()).doesNotContain("openapheresis-web-");
    }
}
