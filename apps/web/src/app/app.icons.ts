import {
  AppstoreOutline,
  CalendarOutline,
  FileDoneOutline,
  LineChartOutline,
  DashboardOutline,
  GlobalOutline,
  HomeOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  SettingOutline,
  TeamOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';

/** Icons bundled with the app (no icon is fetched at run time). */
export const appIcons = [
  AppstoreOutline,
  CalendarOutline,
  FileDoneOutline,
  LineChartOutline,
  DashboardOutline,
  GlobalOutline,
  HomeOutline,
  LockOutline,
  LogoutOutline,
  MenuFoldOutline,
  MenuUnfoldOutline,
  SettingOutline,
  TeamOutline,
  UserOutline,
];
