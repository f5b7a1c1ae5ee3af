package org.botoxclinic.console.scheduling;

/** Chair minutes as people say them: 90 as "1 h 30 min". */
public final class Durations {

    private Durations() {
    }

    public static String words(int minutes) {
        if (minutes < 60) {
            return minutes + " min";
        }
        int hours = minutes / 60;
        int rest = minutes % 60;
        return hours + " h" + (rest == 0 ? "" : " " + rest + " min");
    }
}
