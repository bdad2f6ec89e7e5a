package dev.claimdesk.commons.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void shouldTellCommonNewsLanguagesApart() {
        assertEquals("en", detector.detect("The government said on Monday that the floods had killed at least 40 people in the valley."));
        assertEquals("de", detector.detect("Die Regierung sagte am Montag, dass die Flut in dem Tal mindestens 40 Menschen getötet hat."));
        assertEquals("fr", detector.detect("Le gouvernement a déclaré lundi que les inondations ont fait au moins 40 morts dans la vallée."));
        assertEquals("es", detector.detect("El gobierno dijo el lunes que las inundaciones han matado al menos a 40 personas en el valle."));
        assertEquals("ru", detector.detect("Правительство заявило в понедельник, что наводнение в долине унесло жизни не менее 40 человек."));
        assertEquals("uk", detector.detect("Уряд заявив у понеділок, що повінь у долині забрала життя щонайменше 40 людей, і це також було."));
        assertEquals("ar", detector.detect("قالت الحكومة يوم الاثنين إن الفيضانات أودت بحياة 40 شخصا على الأقل"));
        assertEquals("zh", detector.detect("政府周一表示，洪水已造成至少40人死亡。"));
    }

    @Test
    void shouldAnswerUndeterminedForTextWithoutWords() {
        assertEquals(LanguageDetector.UNDETERMINED, detector.detect("1,370 — 15,000 / 7.9%"));
        assertEquals(LanguageDetector.UNDETERMINED, detector.detect("wf1d3 wc03e2 wa3b8"));
    }
}
