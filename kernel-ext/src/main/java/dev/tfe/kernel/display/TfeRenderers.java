package dev.tfe.kernel.display;

import java.lang.reflect.Array;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/**
 * How the library's objects show themselves in a notebook. Registration is explicit: nothing is
 * found by scanning the class path.
 *
 * <p>This project's kernel calls {@link #register(Renderer)} at start. In IJava, after adding the
 * library's jars, run {@code dev.tfe.kernel.display.TfeRenderers.register(getKernelInstance().getRenderer())}
 * once. Renderers for library types (the graph as SVG, the profile as an HTML table and chart, ...)
 * go in {@link #BUILT_IN}; code outside this module may {@link #add(RendererRegistrar)} its own.
 */
public final class TfeRenderers {

    /**
     * The library's registrars, applied in order by {@link #register(Renderer)}. Add one entry per
     * family of library types; each entry calls into the core's display-neutral rendering (SVG,
     * PNG and HTML strings) and registers the MIME types it produces.
     */
    private static final List<RendererRegistrar> BUILT_IN = List.of(new LibraryRenderers());

    private static final List<RendererRegistrar> ADDED = new CopyOnWriteArrayList<>();
    private static final Map<Renderer, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());

    private TfeRenderers() {
    }

    /**
     * Registers the library's render functions, and those added so far, into a renderer.
     * Registrars added later are applied to it too.
     *
     * @param renderer a kernel's renderer
     */
    public static void register(Renderer renderer) {
        BUILT_IN.forEach(r -> r.registerInto(renderer));
        ADDED.forEach(r -> r.registerInto(renderer));
        REGISTERED.put(renderer, Boolean.TRUE);
    }

    /**
     * Adds a registrar, and applies it to every renderer already {@link #register registered}.
     *
     * @param registrar the registrar
     */
    public static void add(RendererRegistrar registrar) {
        ADDED.add(registrar);
        synchronized (REGISTERED) {
            REGISTERED.keySet().forEach(registrar::registerInto);
        }
    }

    /**
     * The library's registrars, for tests and documentation.
     *
     * @return the built-in registrars
     */
    public static List<RendererRegistrar> builtIn() {
        return BUILT_IN;
    }

    /**
     * Renders a value for a notebook: the renderer's best representation, with a readable
     * {@code text/plain} for arrays ({@code int[3] {1, 2, 3}}) instead of {@code [I@1b6d3586}.
     *
     * @param renderer  the renderer
     * @param value     the value, not null
     * @param mimeTypes MIME types to render as; none for the preferred ones
     * @return the bundle of representations
     */
    public static DisplayData render(Renderer renderer, Object value, String... mimeTypes) {
        DisplayData data = mimeTypes.length == 0 ? renderer.render(value) : renderer.renderAs(value, mimeTypes);
        if (value.getClass().isArray() && String.valueOf(value).equals(data.getData(MIMEType.TEXT_PLAIN))) {
            data.putText(arrayText(value));
        }
        return data;
    }

    private static final int MAX_ARRAY_ITEMS = 100;

    /**
     * A readable text for an array, with at most {@value #MAX_ARRAY_ITEMS} items per level.
     *
     * @param array an array of any component type
     * @return for example {@code int[3] {1, 2, 3}}
     */
    public static String arrayText(Object array) {
        StringBuilder sb = new StringBuilder();
        Class<?> component = array.getClass();
        int dims = 0;
        while (component.isArray()) {
            component = component.getComponentType();
            dims++;
        }
        sb.append(component.getSimpleName()).append('[').append(Array.getLength(array)).append(']');
        sb.append("[]".repeat(dims - 1)).append(' ');
        appendItems(sb, array);
        return sb.toString();
    }

    private static void appendItems(StringBuilder sb, Object array) {
        int n = Array.getLength(array);
        sb.append('{');
        for (int i = 0; i < Math.min(n, MAX_ARRAY_ITEMS); i++) {
            Object item = Array.get(array, i);
            sb.append(i == 0 ? "" : ", ");
            if (item != null && item.getClass().isArray()) {
                appendItems(sb, item);
            } else if (item instanceof String) {
                sb.append('"').append(item).append('"');
            } else {
                sb.append(item);
            }
        }
        if (n > MAX_ARRAY_ITEMS) {
            sb.append(", ... ").append(n - MAX_ARRAY_ITEMS).append(" more");
        }
        sb.append('}');
    }
}
