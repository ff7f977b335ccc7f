package dev.newswire.extract.step;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DecodeStepTest {

    private static final String RUSSIAN = "Президент России Владимир Путин прибыл в Пхеньян, где встретится с лидером "
            + "страны. Это его первый визит за двадцать четыре года.";
    private static final String FRENCH = "Les Diables rouges punis deux fois, par l'arbitre puis la puce révolutionnaire: "
            + "à la mi-temps, l'équipe était déjà menée.";
    private static final String KOREAN = "러시아 대통령이 평양에 도착했다. 두 나라는 경제 협력을 강화하기로 합의했다. 이번 방문은 24년 만이다.";
    private static final String JAPANESE = "ロシアの大統領が平壌に到着しました。両国は経済協力を強化することで合意しました。";
    private static final String CHINESE = "俄罗斯总统抵达平壤，两国同意加强经济合作。这是他二十四年来的首次访问。";

    private static String page(String charsetMeta, String text) {
        return "<html><head>" + charsetMeta + "<title>t</title></head><body><p>" + text + "</p></body></html>";
    }

    private static DecodeStep.Decoded decode(String html, String encodeAs, String header) {
        return DecodeStep.decode(html.getBytes(Charset.forName(encodeAs)), header);
    }

    @ParameterizedTest(name = "{0} declared in the header")
    @CsvSource({"windows-1251", "KOI8-R", "EUC-KR", "Shift_JIS", "GB18030", "windows-1252", "ISO-8859-2", "UTF-8"})
    void honoursAValidHeaderCharset(String charset) {
        String text = switch (charset) {
            case "windows-1251", "KOI8-R" -> RUSSIAN;
            case "EUC-KR" -> KOREAN;
            case "Shift_JIS" -> JAPANESE;
            case "GB18030" -> CHINESE;
            case "ISO-8859-2" -> "Zażółć gęślą jaźń, powiedział prezydent w Warszawie.";
            default -> FRENCH;
        };
        DecodeStep.Decoded d = decode(page("", text), charset, "text/html; charset=" + charset);
        assertTrue(d.text().contains(text), d.text());
    }

    @ParameterizedTest(name = "{0} sniffed without any declaration")
    @CsvSource({"windows-1251", "KOI8-R", "EUC-KR", "Shift_JIS", "GB18030", "windows-1252", "UTF-8"})
    void sniffsUndeclaredCharsets(String charset) {
        String text = switch (charset) {
            case "windows-1251", "KOI8-R" -> RUSSIAN;
            case "EUC-KR" -> KOREAN;
            case "Shift_JIS" -> JAPANESE;
            case "GB18030" -> CHINESE;
            default -> FRENCH;
        };
        DecodeStep.Decoded d = decode(page("", text), charset, null);
        assertTrue(d.text().contains(text), () -> charset + " read as " + d.charset() + ": " + d.text());
    }

    @Test
    void sniffsLargeBodiesFromASampleWithoutSplittingACharacter() {
        String big = JAPANESE.repeat(3000) + "<p>" + JAPANESE + "</p>";
        DecodeStep.Decoded d = DecodeStep.decode(page("", big).getBytes(Charset.forName("Shift_JIS")), null);
        assertEquals("Shift_JIS", d.charset().name());
        assertTrue(d.text().endsWith("</p></p></body></html>"));
        String russian = (RUSSIAN + " ").repeat(2000);
        d = DecodeStep.decode(page("", russian).getBytes(Charset.forName("KOI8-R")), null);
        assertEquals("KOI8-R", d.charset().name());
    }

    @Test
    void metaCharsetIsUsedWhenTheHeaderSaysNothing() {
        DecodeStep.Decoded d = decode(page("<meta charset=\"windows-1251\">", RUSSIAN), "windows-1251", "text/html");
        assertTrue(d.text().contains(RUSSIAN));
        assertEquals("windows-1251", d.charset().name());
        d = decode(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\">", RUSSIAN), "KOI8-R",
                null);
        assertTrue(d.text().contains(RUSSIAN));
    }

    @Test
    void aHeaderClaimingUtf8OnWindows1252BytesIsNotBelieved() {
        DecodeStep.Decoded d = decode(page("<meta charset=\"utf-8\">", FRENCH), "windows-1252", "text/html; charset=utf-8");
        assertTrue(d.text().contains(FRENCH), d.text());
        assertTrue(!d.text().contains("\ufffd"), "no replacement characters");
    }

    @Test
    void aLatin1LabelOnUtf8BytesIsALie() {
        DecodeStep.Decoded d = decode(page("<meta charset=\"iso-8859-1\">", FRENCH), "UTF-8", "text/html; charset=ISO-8859-1");
        assertTrue(d.text().contains(FRENCH), "no mojibake: " + d.text());
        assertEquals(StandardCharsets.UTF_8, d.charset());
    }

    @Test
    void iso88591IsReadAsWindows1252() {
        String quoted = "He said \u201cyes\u201d \u2014 and left.";
        DecodeStep.Decoded d = decode(page("", quoted), "windows-1252", "text/html; charset=iso-8859-1");
        assertTrue(d.text().contains(quoted), d.text());
        assertEquals("windows-1252", d.charset().name());
    }

    @Test
    void byteOrderMarksWin() {
        byte[] html = page("<meta charset=\"windows-1251\">", FRENCH).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[html.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(html, 0, withBom, 3, html.length);
        DecodeStep.Decoded d = DecodeStep.decode(withBom, "text/html; charset=windows-1251");
        assertTrue(d.text().startsWith("<html>"), "BOM removed");
        assertTrue(d.text().contains(FRENCH));
        byte[] utf16 = ("\ufeff" + page("", KOREAN)).getBytes(StandardCharsets.UTF_16LE);
        assertTrue(DecodeStep.decode(utf16, null).text().contains(KOREAN));
    }

    @Test
    void binaryBodiesAreRecognised() {
        assertNotNull(DecodeStep.binarySign(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}));
        assertNotNull(DecodeStep.binarySign("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
        assertNull(DecodeStep.binarySign(page("", FRENCH).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validatesUtf8Strictly() {
        assertTrue(DecodeStep.isValidUtf8("héllo €".getBytes(StandardCharsets.UTF_8)));
        assertTrue(!DecodeStep.isValidUtf8(new byte[] {'a', (byte) 0xE9, 'b'}), "lone Latin-1 byte");
        assertTrue(!DecodeStep.isValidUtf8(new byte[] {(byte) 0xC0, (byte) 0x80}), "overlong form");
        assertTrue(!DecodeStep.isValidUtf8(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}), "surrogate");
    }
}
