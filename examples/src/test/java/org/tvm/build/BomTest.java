package org.tvm.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * tvm-bom lists exactly the published artifacts (every jar module of the reactor except the unpublished
 * examples), at the project's version, and imports nothing else: our third-party pins stay internal.
 */
class BomTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void bomListsEveryPublishedModuleAndNothingElse() throws Exception {
        Document parent = parse(ROOT.resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version").getTextContent().trim();
        List<String> published = new ArrayList<>();
        for (Element module : children(child(parent.getDocumentElement(), "modules"), "module")) {
            Document pom = parse(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml"));
            Element project = pom.getDocumentElement();
            Element packaging = child(project, "packaging");
            boolean jar = packaging == null || packaging.getTextContent().trim().equals("jar");
            Element properties = child(project, "properties");
            boolean notDeployed = properties != null && child(properties, "maven.deploy.skip") != null;
            if (jar && !notDeployed) {
                published.add(child(project, "artifactId").getTextContent().trim());
            }
        }

        Document bom = parse(ROOT.resolve("tvm-bom/pom.xml"));
        Element project = bom.getDocumentElement();
        assertThat(child(project, "parent")).as("the BOM has no parent: nothing of ours but org.tvm is managed").isNull();
        assertThat(child(project, "version").getTextContent().trim()).isEqualTo(version);
        List<String> managed = new ArrayList<>();
        for (Element dependency : children(child(child(project, "dependencyManagement"), "dependencies"), "dependency")) {
            assertThat(child(dependency, "groupId").getTextContent().trim()).isEqualTo("org.tvm");
            assertThat(child(dependency, "version").getTextContent().trim()).isEqualTo(version);
            assertThat(child(dependency, "scope")).as("no imported BOMs, no scopes").isNull();
            managed.add(child(dependency, "artifactId").getTextContent().trim());
        }
        assertThat(published).contains("tvm-domain", "tvm-ports", "tvm-adapter-jpa", "tvm-testkit");
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void theConsumerIntegrationTestUsesTheLibrarysVersions() throws Exception {
        Element parent = parse(ROOT.resolve("pom.xml")).getDocumentElement();
        Element parentProperties = child(parent, "properties");
        Element consumer = parse(ROOT.resolve("it/consumer/pom.xml")).getDocumentElement();
        assertThat(child(consumer, "parent")).as("a consumer has no access to our parent").isNull();
        Element properties = child(consumer, "properties");
        assertThat(text(properties, "tvm.version")).isEqualTo(text(parent, "version"));
        for (String pinned : List.of("hikaricp.version", "slf4j.version", "compiler-plugin.version", "surefire.version",
                "resources-plugin.version")) {
            assertThat(text(properties, pinned)).as(pinned).isEqualTo(text(parentProperties, pinned));
        }
    }

    private static String text(Element parent, String name) {
        Element found = child(parent, name);
        assertThat(found).as(name).isNotNull();
        return found.getTextContent().trim();
    }

    private static Document parse(Path pom) throws Exception {
        assertThat(Files.isRegularFile(pom)).as(pom.toString()).isTrue();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile());
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }
}
