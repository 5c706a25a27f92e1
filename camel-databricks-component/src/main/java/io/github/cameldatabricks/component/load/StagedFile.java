package io.github.cameldatabricks.component.load;

import java.nio.file.Path;

/**
 * A file written locally for upload to the staging folder.
 *
 * @param local the local temporary file
 * @param name  its name in the staging folder
 * @param rows  the rows it holds, or -1 when the component did not write it (a body that already was a file)
 */
record StagedFile(Path local, String name, long rows) {
}
