package dev.newswire.extract.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private final LanguageIdentifier id = LanguageIdentifier.standard();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en|The president said on Tuesday that the country would not accept the new sanctions, and that talks were over.",
        "de|Der Präsident sagte am Dienstag, dass das Land die neuen Sanktionen nicht akzeptieren werde und die Gespräche beendet seien.",
        "fr|Le président a déclaré mardi que le pays n'accepterait pas les nouvelles sanctions et que les discussions étaient terminées.",
        "es|El presidente dijo el martes que el país no aceptará las nuevas sanciones y que las conversaciones han terminado.",
        "it|Il presidente ha detto martedì che il paese non accetterà le nuove sanzioni e che i colloqui sono finiti.",
        "pt|O presidente disse na terça-feira que o país não vai aceitar as novas sanções e que as conversas acabaram.",
        "nl|De president zei dinsdag dat het land de nieuwe sancties niet zal accepteren en dat de gesprekken voorbij zijn.",
        "ru|Президент заявил во вторник, что страна не примет новые санкции и что переговоры окончены, как он и говорил.",
        "pl|Prezydent powiedział we wtorek, że kraj nie przyjmie nowych sankcji i że rozmowy się zakończyły, jak już mówił.",
        "ja|大統領は火曜日、国は新しい制裁を受け入れないと述べ、協議は終わったと語った。",
        "zh|总统周二表示，国家不会接受新的制裁，谈判已经结束。",
        "ko|대통령은 화요일 나라가 새로운 제재를 받아들이지 않을 것이며 회담은 끝났다고 말했다.",
        "ar|قال الرئيس يوم الثلاثاء إن البلاد لن تقبل العقوبات الجديدة وإن المحادثات انتهت.",
        "el|Ο πρόεδρος δήλωσε την Τρίτη ότι η χώρα δεν θα δεχθεί τις νέες κυρώσεις και ότι οι συνομιλίες τελείωσαν."})
    void identifiesTheLanguageOfASentence(String lang, String text) {
        assertEquals(lang, id.identify(text));
    }

    @Test
    void tooLittleTextIsUnknown() {
        assertNull(id.identify("OK"));
        assertNull(id.identify(""));
        assertNull(id.identify(null));
    }
}
