package vn.motcua.calendar;

/**
 * What kind of day a calendar date is, for working-time purposes.
 *
 * <p>The kinds mirror how the yearly holiday notices are written: statutory holidays (Labour Code
 * 2019 Art. 112(1)), compensatory days off when a holiday coincides with the weekly rest day (Art.
 * 111(3)), and the days swapped by the Prime Minister's or the ministry's yearly notice, where a
 * weekday becomes a day off and a Saturday is worked instead.
 */
public enum DayKind {

    /** An ordinary working day. */
    WORKDAY,

    /** A weekly rest day (Labour Code 2019 Art. 111), by default Saturday and Sunday. */
    WEEKEND,

    /** A public holiday or Tết day (Art. 112(1)), or a weekday given off by a yearly notice. */
    HOLIDAY,

    /** A day off given because a holiday fell on a weekly rest day (Art. 111(3)). */
    COMPENSATORY_DAY_OFF,

    /** A weekly rest day that is worked to make up for a swapped day off (làm bù). */
    SWAPPED_WORKDAY
}
