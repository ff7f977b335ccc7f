package dev.newswire.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextSanitizerTest {

    @Test
    void keepsCleanTextAsIs() {
        String s = "Seoul — 서울, \"quoted\"\n\tnext 😀";
        assertSame(s, TextSanitizer.clean(s));
    }

    @Test
    void removesControlsLoneSurrogatesAndNonCharacters() {
        assertEquals("abc", TextSanitizer.clean("a\u0000b\u0007\u001b\u0085c"));
        assertEquals("xy", TextSanitizer.clean("x\uD800y\uDC00"));
        assertEquals("😀", TextSanitizer.clean("\uFFFE😀\uFFFF"));
    }
}
