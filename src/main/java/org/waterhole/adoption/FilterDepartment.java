package org.waterhole.adoption;

import java.util.List;

/**
 * A department as a choice of the dashboard's filter: whether it is chosen, and (to remove it from
 * the filter) the other departments chosen.
 */
public record FilterDepartment(long id, String name, boolean chosen, List<Long> othersChosen) {
}
