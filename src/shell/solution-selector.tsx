import {
  makeStyles,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { useLocation, useNavigate } from 'react-router';
import { currentSolution, solutions } from './solutions';

const useStyles = makeStyles({
  solutionButton: { fontWeight: tokens.fontWeightRegular, minWidth: 0, whiteSpace: 'nowrap' },
});

/** The presenter's one-click switch between the solutions; WAC's selector, also in each cloud portal's bar. */
export function SolutionSelector() {
  const styles = useStyles();
  const location = useLocation();
  const navigate = useNavigate();
  const current = currentSolution(location.pathname);
  return (
    <Menu checkedValues={{ solution: [current.id] }}>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton appearance="subtle" aria-label="Solution Selector" className={styles.solutionButton}>
          {current.title}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {solutions.map((solution) => (
            <MenuItemRadio
              key={solution.id}
              name="solution"
              value={solution.id}
              onClick={() => void navigate(solution.to)}
            >
              {solution.title}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
