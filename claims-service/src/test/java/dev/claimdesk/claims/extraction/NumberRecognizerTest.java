package dev.claimdesk.claims.extraction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The figures news copy is made of, as the claims issue names them. */
class NumberRecognizerTest {

    private final NumberRecognizer numbers = new NumberRecognizer(true, true);
    private final RangeRecognizer ranges = new RangeRecognizer();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Russia has fired 1,370 missiles so far.|1,370|1370",
            "Some 10 million people have fled.|10 million|10000000",
            "Damage is put at $300 billion.|300 billion|300000000000",
            "five soldiers were wounded|five|5",
            "On the 34th day of the war|34th|34",
            "nine people died|nine|9",
            "Inflation rose to 7.9% in February.|7.9|7.9",
            "Prices rose two and a half times.|two and a half|2.5",
            "A 29km convoy was seen.|29|29",
    })
    void shouldReadTheFigureAndItsValue(String sentence, String text, double value) {
        NumberMatch first = numbers.find(sentence).getFirst();
        assertEquals(text, first.text());
        assertEquals(value, first.value(), 1e-9);
        assertEquals(text, sentence.substring(first.start(), first.end()));
    }

    @Test
    void shouldNotTakeWordsThatOnlyLookLikeNumbers() {
        assertEquals(List.of(), new NumberRecognizer(false, false).find("He was the first to say it, a second time, at last."));
    }

    @Test
    void shouldTakeNoFiguresFromIdsHashesOrOverflowingPowers() {
        assertEquals(List.of(14.0), numbers.find("Officials in 6b0f3e80-9e52-4c1d-8a7e-3e99c2d41b5f said 14 people were missing.")
                .stream().map(NumberMatch::value).toList());
        assertEquals(List.of(), numbers.find("The checksum was 1e999 and the code 4f9a2c."));
    }

    @Test
    void shouldMovePastAPointGluedToAWordAsInNo1() {
        // found by ClaimExtractorFuzzTest: "Sen.1" looped for ever, filling the heap with empty tokens
        List<Double> values = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> numbers.find("The No.1 seed and Sen.1 lost 3 sets.").stream().map(NumberMatch::value).toList());
        assertEquals(List.of(3.0), values);
    }

    @Test
    void shouldTakeNoFiguresFromNamesWithDigits() {
        assertEquals(List.of(2.0), numbers.find("Two A320 jets of Airline7b landed after the COVID19 rules eased.")
                .stream().map(NumberMatch::value).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Russia fired at least 1,370 missiles.|at least 1,370|[1370,)",
            "up to 15,000 troops were deployed|up to 15,000|(,15000]",
            "more than 3 million refugees|more than 3 million|(3000000,)",
            "between 20 and 30 tanks|between 20 and 30|[20,30)",
            "nearly 200 people, fewer than 300|fewer than 300|(,300)",
    })
    void shouldReadBoundsAndRanges(String sentence, String text, String interval) {
        RangeMatch range = ranges.find(sentence).getLast();
        assertEquals(text, range.text());
        assertEquals(interval, range.interval());
    }
}
