import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { RouterLink, RouterLinkActive } from '@angular/router';
import type { NavItem } from '../../core/nav/feature-route';

/** The side navigation: renders exactly the items it is given (already permission-filtered). */
@Component({
  selector: 'app-nav-list',
  imports: [
    MatNavList,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatIcon,
    RouterLink,
    RouterLinkActive,
  ],
  templateUrl: './nav-list.html',
  styleUrl: './nav-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NavList {
  readonly items = input.required<readonly NavItem[]>();
  /** Emitted after an item is chosen (the shell closes the drawer on small screens). */
  readonly navigated = output<void>();
}
