package dev.tfe.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class MagicLinesTest {

    @Test
    void cutsCellsIntoCodeAndLineMagicsWithTheirLines() {
        List<MagicLines.Segment> s = MagicLines.segments("%classpath add a.jar \"b c.jar\"\nint x = 1;\nx\n%lsmagic\n");
        assertEquals(3, s.size());
        assertEquals(new MagicLines.Segment(MagicLines.Kind.LINE_MAGIC, "%classpath add a.jar \"b c.jar\"", 1,
                "classpath", List.of("add", "a.jar", "b c.jar")), s.get(0));
        assertEquals(new MagicLines.Segment(MagicLines.Kind.CODE, "int x = 1;\nx\n", 2, "", List.of()), s.get(1));
        assertEquals("lsmagic", s.get(2).name());
        assertEquals(4, s.get(2).firstLine());
    }

    @Test
    void percentInsideCodeIsNotAMagic() {
        List<MagicLines.Segment> s = MagicLines.segments("int r = 7 % 3;\n  %notMagic");
        assertEquals(1, s.size());
        assertEquals(MagicLines.Kind.CODE, s.get(0).kind());
    }

    @Test
    void readsCellMagics() {
        assertEquals(new MagicLines.CellMagic("parties", List.of("--local"), "a\nb"), MagicLines.cellMagic("\n%%parties --local\na\nb"));
        assertNull(MagicLines.cellMagic("%parties\n"));
    }

    @Test
    void blanksMagicLinesKeepingPositions() {
        String cell = "%lsmagic\nMath.ma";
        String blank = MagicLines.blankOut(cell);
        assertEquals(cell.length(), blank.length());
        assertEquals("        \nMath.ma", blank);
    }

    @Test
    void splitsArgumentsWithQuotes() {
        assertEquals(List.of("a", "b c", "say \"hi\"", ""), MagicLines.splitArgs(" a \"b c\" \"say \\\"hi\\\"\" \"\""));
        assertEquals(List.of(), MagicLines.splitArgs(null));
    }
}
